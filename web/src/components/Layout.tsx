import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAgencies } from '../lib/agencies';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';
import { homePath, useMe, useSession } from '../lib/session';
import type { Role } from '../lib/types';

interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

const NAV: Record<Role, NavItem[]> = {
  coordinator: [
    { to: '/plans', label: 'nav.plans' },
    { to: '/tasks', label: 'nav.tasks' },
    { to: '/outbox', label: 'nav.outbox' },
    { to: '/agencies', label: 'nav.agencies' },
  ],
  agency: [
    { to: '/portal', label: 'nav.portal', end: true },
    { to: '/tasks', label: 'nav.agencyTasks' },
    { to: '/portal/report', label: 'nav.annualReport' },
  ],
  viewer: [
    { to: '/overview', label: 'nav.overview' },
    { to: '/plans', label: 'nav.plans' },
    { to: '/tasks', label: 'nav.tasks' },
  ],
  admin: [
    { to: '/admin/users', label: 'nav.users' },
    { to: '/agencies', label: 'nav.agencies' },
    { to: '/admin/calendar', label: 'nav.calendar' },
    { to: '/admin/audit', label: 'nav.audit' },
  ],
};

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-toggle" role="group" aria-label={t('lang.label')}>
      <button type="button" lang="vi" aria-pressed={lang === 'vi'} onClick={() => setLang('vi')} title="Tiếng Việt">
        VI
      </button>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')} title="English">
        EN
      </button>
    </div>
  );
}

function Brand({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="brand">
      <img src="/favicon.svg" alt="" width={32} height={32} className="brand__mark" />
      <span className="brand__text">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </span>
    </Link>
  );
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('nav.skip')}
    </a>
  );
}

export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('app.footer')}</p>
      </div>
    </footer>
  );
}

/** The frame of every signed-in page: header with the role's navigation, main content, footer. */
export function Layout() {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const agencies = useAgencies();
  const agency = me.agencyCode ? (agencies.byCode.get(me.agencyCode)?.shortName ?? me.agencyCode) : null;
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="stripe" aria-hidden="true" />
        <div className="container site-header__bar">
          <Brand to={homePath(me.role)} />
          <div className="site-header__tools">
            <LanguageToggle />
            <div className="user-chip">
              <span className="user-chip__name">{me.name}</span>
              <span className="user-chip__role">
                {t(`role.${me.role}`)}
                {agency ? ` · ${agency}` : ''}
              </span>
            </div>
            <button type="button" className="button button--ghost site-header__signout" onClick={signOut}>
              {t('nav.signOut')}
            </button>
            <button type="button" className="button button--ghost menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
              {t('nav.menu')}
            </button>
          </div>
        </div>
        <nav id="main-nav" className={`main-nav${menuOpen ? ' main-nav--open' : ''}`} aria-label={t('nav.main')}>
          <ul className="container">
            {NAV[me.role].map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            <li className="nav-signout">
              <span className="nav-signout__who">
                {me.name} · {t(`role.${me.role}`)}
                {agency ? ` · ${agency}` : ''}
              </span>
              <button type="button" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

/** A page for signed-out visitors (sign-in): the brand and the language toggle only. */
export function BareLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="stripe" aria-hidden="true" />
        <div className="container site-header__bar">
          <Brand to="/" />
          <div className="site-header__tools">
            <LanguageToggle />
          </div>
        </div>
      </header>
      <main id="main" className="container main main--narrow" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}

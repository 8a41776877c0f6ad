import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * A build is always the production build, even when started from a process whose NODE_ENV says
 * otherwise: the browser tests build the UI inside vitest, which sets NODE_ENV=test, and Vite would
 * then bundle React's development build. Vite reads NODE_ENV after the config hooks run, so it is set
 * here, for the build only, and given back when the bundle is written.
 */
function productionBuild(): Plugin {
  let previous: string | undefined;
  const restore = () => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  };
  return {
    name: 'giaoviec:production-build',
    apply: 'build',
    config() {
      previous = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
    },
    buildEnd(error) {
      if (error) restore();
    },
    closeBundle: restore,
  };
}

/**
 * The UI is served by the API on the same port (api/app.ts serves web/dist). In development,
 * `npx vite web` proxies the API so the browser still talks to one origin.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [productionBuild(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Nothing is fetched from a CDN: every asset is bundled and served by the app.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/l/': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});

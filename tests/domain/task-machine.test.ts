import { describe, expect, it } from 'vitest';
import { applyCommand, checkCommand, initialTaskState, SYSTEM_ACTOR, type Actor, type TaskCommand, type TaskState } from '../../domain/task-machine';
import { DomainError } from '../../domain/errors';

const lead: Actor = { userId: 'u-lead', name: 'Văn thư Sở TTTT', role: 'agency', agencyCode: 'STTTT' };
const otherAgency: Actor = { userId: 'u-x', name: 'Văn thư Sở Nội vụ', role: 'agency', agencyCode: 'SNV' };
const partner: Actor = { userId: 'u-p', name: 'Văn thư Sở Tài chính', role: 'agency', agencyCode: 'STC' };
const coordinator: Actor = { userId: 'u-c', name: 'Chuyên viên VP UBND', role: 'coordinator', agencyCode: 'VPUBND' };
const viewer: Actor = { userId: 'u-v', name: 'Lãnh đạo UBND tỉnh', role: 'viewer', agencyCode: null };
const admin: Actor = { userId: 'u-a', name: 'Quản trị', role: 'admin', agencyCode: null };

const T0 = '2026-12-01T02:00:00.000Z';

function fresh(overrides: Partial<TaskState> = {}): TaskState {
  return {
    ...initialTaskState({
      taskId: 't1',
      planId: 'p1',
      parentId: null,
      childIds: [],
      title: 'Xây dựng kho dữ liệu dùng chung',
      leadAgencyCode: 'STTTT',
      coordinatingAgencyCodes: ['STC'],
      kind: 'new',
      startDate: '2026-12-01',
      dueDate: '2027-02-26',
      assignedAt: T0,
    }),
    seq: 1,
    ...overrides,
  };
}

function run(state: TaskState, ...cmds: TaskCommand[]): TaskState {
  return cmds.reduce((s, c, i) => applyCommand(s, c, `2026-12-0${2 + i}T02:00:00.000Z`).state, state);
}

function rejection(state: TaskState, cmd: TaskCommand): DomainError {
  try {
    checkCommand(state, cmd);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error(`expected ${cmd.type} to be rejected`);
}

describe('task lifecycle (happy path)', () => {
  it('assigned → in progress → completion submitted → completed, one event per step', () => {
    let s = fresh();
    const steps: [TaskCommand, string, string][] = [
      [{ type: 'acknowledge', actor: lead }, 'acknowledged', 'in_progress'],
      [{ type: 'report_progress', actor: lead, percent: 40 }, 'progress_reported', 'in_progress'],
      [{ type: 'submit_completion', actor: lead, note: 'Đã đưa vào vận hành' }, 'completion_submitted', 'completion_submitted'],
      [{ type: 'accept_completion', actor: coordinator }, 'completion_accepted', 'completed'],
    ];
    for (const [cmd, type, to] of steps) {
      const before = s;
      const { state, event } = applyCommand(s, cmd, '2026-12-10T02:00:00.000Z');
      expect(event).toMatchObject({ type, fromStatus: before.status, toStatus: to, seq: before.seq + 1, actor: cmd.actor });
      expect(before.seq).toBe(state.seq - 1); // the input state is not modified
      s = state;
    }
    expect(s).toMatchObject({ status: 'completed', progress: 100, completedAt: '2026-12-10T02:00:00.000Z', acknowledgedAt: '2026-12-10T02:00:00.000Z' });
  });

  it('returning a completion sends it back to in progress; it can be submitted again', () => {
    let s = run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'submit_completion', actor: lead });
    const { state, event } = applyCommand(s, { type: 'return_completion', actor: coordinator, reason: 'Thiếu biên bản nghiệm thu' }, T0);
    expect(state.status).toBe('in_progress');
    expect(event.note).toBe('Thiếu biên bản nghiệm thu');
    s = run(state, { type: 'submit_completion', actor: lead }, { type: 'accept_completion', actor: coordinator });
    expect(s.status).toBe('completed');
  });

  it('progress reported on an unacknowledged task acknowledges it', () => {
    const { state, event } = applyCommand(fresh(), { type: 'report_progress', actor: lead, percent: 10 }, T0);
    expect(state).toMatchObject({ status: 'in_progress', acknowledgedAt: T0, progress: 10 });
    expect(event).toMatchObject({ fromStatus: 'assigned', toStatus: 'in_progress', data: { fromPercent: 0, percent: 10 } });
  });
});

describe('extensions', () => {
  const requested = () => run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'request_extension', actor: lead, requestId: 'r1', newDueDate: '2027-03-31', reason: 'Chờ vốn' });

  it('approval moves the due date and marks when the deadline changed', () => {
    const { state, event } = applyCommand(requested(), { type: 'decide_extension', actor: coordinator, requestId: 'r1', approve: true }, '2027-01-05T03:00:00.000Z');
    expect(state.dueDate).toBe('2027-03-31');
    expect(state.deadlineSetAt).toBe('2027-01-05T03:00:00.000Z');
    expect(state.extensionRequests[0]).toMatchObject({ status: 'approved', decidedBy: coordinator });
    expect(event).toMatchObject({ type: 'extension_approved', data: { previousDueDate: '2027-02-26', newDueDate: '2027-03-31' } });
  });

  it('rejection keeps the due date', () => {
    const { state, event } = applyCommand(requested(), { type: 'decide_extension', actor: coordinator, requestId: 'r1', approve: false, note: 'Không đủ căn cứ' }, T0);
    expect(state.dueDate).toBe('2027-02-26');
    expect(event.type).toBe('extension_rejected');
  });

  it('refuses a new date not after the current one, a second pending request, an unknown request, a decided one', () => {
    const s = run(fresh(), { type: 'acknowledge', actor: lead });
    const notLater = rejection(s, { type: 'request_extension', actor: lead, requestId: 'r2', newDueDate: '2027-02-26', reason: 'x' });
    expect(notLater.type).toBe('InvalidInput');
    expect(notLater.details[0]!.field).toBe('newDueDate');
    expect(rejection(s, { type: 'request_extension', actor: lead, requestId: 'r2', newDueDate: '2027-02-30', reason: 'x' }).details[0]!.field).toBe('newDueDate');
    expect(rejection(requested(), { type: 'request_extension', actor: lead, requestId: 'r2', newDueDate: '2027-05-01', reason: 'x' }).type).toBe('InvalidTransition');
    expect(rejection(requested(), { type: 'decide_extension', actor: coordinator, requestId: 'nope', approve: true }).type).toBe('NotFound');
    const decided = run(requested(), { type: 'decide_extension', actor: coordinator, requestId: 'r1', approve: false });
    expect(rejection(decided, { type: 'decide_extension', actor: coordinator, requestId: 'r1', approve: true }).type).toBe('InvalidTransition');
  });
});

describe('bad input and closed tasks', () => {
  it('percent outside 0–100, or going backwards without a note', () => {
    const s = run(fresh(), { type: 'report_progress', actor: lead, percent: 60 });
    expect(rejection(s, { type: 'report_progress', actor: lead, percent: 101 }).details[0]!.field).toBe('percent');
    expect(rejection(s, { type: 'report_progress', actor: lead, percent: 50 }).details[0]!.field).toBe('note');
    expect(() => checkCommand(s, { type: 'report_progress', actor: lead, percent: 50, note: 'Đánh giá lại khối lượng' })).not.toThrow();
  });

  it('nothing but reading on a completed or cancelled task', () => {
    const done = run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'submit_completion', actor: lead }, { type: 'accept_completion', actor: coordinator });
    const cancelled = run(fresh(), { type: 'cancel', actor: coordinator, reason: 'Không còn phù hợp' });
    for (const s of [done, cancelled]) {
      for (const cmd of [
        { type: 'acknowledge', actor: lead },
        { type: 'report_progress', actor: lead, percent: 100 },
        { type: 'cancel', actor: coordinator, reason: 'x' },
        { type: 'edit', actor: coordinator, dueDate: '2028-01-01' },
        { type: 'add_contribution', actor: partner, note: 'x' },
      ] as TaskCommand[]) {
        expect(rejection(s, cmd).type).toBe('InvalidTransition');
      }
    }
  });

  it('an edited due date must not precede the start date', () => {
    const err = rejection(fresh(), { type: 'edit', actor: coordinator, dueDate: '2026-11-30' });
    expect(err.details[0]!.field).toBe('dueDate');
  });

  it('cancel and return need a reason', () => {
    expect(rejection(fresh(), { type: 'cancel', actor: coordinator, reason: '  ' }).details[0]!.field).toBe('reason');
  });
});

describe('permission matrix: role × action × own/other agency', () => {
  // Every command from every kind of caller, against a task in the state where the command applies.
  const ready: Record<TaskCommand['type'], () => TaskState> = {
    acknowledge: () => fresh(),
    report_progress: () => run(fresh(), { type: 'acknowledge', actor: lead }),
    request_extension: () => run(fresh(), { type: 'acknowledge', actor: lead }),
    decide_extension: () => run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'request_extension', actor: lead, requestId: 'r1', newDueDate: '2027-06-30', reason: 'x' }),
    submit_completion: () => run(fresh(), { type: 'acknowledge', actor: lead }),
    accept_completion: () => run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'submit_completion', actor: lead }),
    return_completion: () => run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'submit_completion', actor: lead }),
    cancel: () => fresh(),
    reassign: () => fresh(),
    edit: () => fresh(),
    add_contribution: () => fresh(),
    child_changed: () => fresh({ isGroup: true, children: { c1: { status: 'assigned', progress: 0 } } }),
    transfer: () => fresh(),
    add_child: () => fresh({ isGroup: true, children: { c1: { status: 'assigned', progress: 0 } } }),
  };
  const commandFor = (type: TaskCommand['type'], actor: Actor): TaskCommand =>
    ({
      acknowledge: { type, actor },
      report_progress: { type, actor, percent: 50 },
      request_extension: { type, actor, requestId: 'r9', newDueDate: '2027-06-30', reason: 'x' },
      decide_extension: { type, actor, requestId: 'r1', approve: true },
      submit_completion: { type, actor },
      accept_completion: { type, actor },
      return_completion: { type, actor, reason: 'x' },
      cancel: { type, actor, reason: 'x' },
      reassign: { type, actor, leadAgencyCode: 'SNV' },
      edit: { type, actor, dueDate: '2027-03-31' },
      add_contribution: { type, actor, note: 'Đã cung cấp số liệu' },
      child_changed: { type, actor, childId: 'c1', status: 'in_progress', progress: 10 },
      transfer: { type, actor, from: 'STTTT', to: 'SKHCN', effectiveDate: '2025-03-01' },
      add_child: { type, actor, childId: 'c2', agencyCode: 'H4' },
    })[type] as TaskCommand;

  const actors = { lead, otherAgency, partner, coordinator, viewer, admin, system: SYSTEM_ACTOR };
  const allowed: Record<TaskCommand['type'], (keyof typeof actors)[]> = {
    acknowledge: ['lead', 'system'],
    report_progress: ['lead', 'system'],
    request_extension: ['lead', 'system'],
    submit_completion: ['lead', 'system'],
    decide_extension: ['coordinator', 'system'],
    accept_completion: ['coordinator', 'system'],
    return_completion: ['coordinator', 'system'],
    cancel: ['coordinator', 'system'],
    reassign: ['coordinator', 'system'],
    edit: ['coordinator', 'system'],
    add_contribution: ['partner', 'system'],
    child_changed: ['system'],
    transfer: ['admin', 'system'],
    add_child: ['coordinator', 'admin', 'system'],
  };
  for (const type of Object.keys(ready) as TaskCommand['type'][]) {
    for (const [who, actor] of Object.entries(actors) as [keyof typeof actors, Actor][]) {
      const expected = allowed[type].includes(who) ? 'allowed' : 'Forbidden';
      it(`${type} by ${who}: ${expected}`, () => {
        const state = ready[type]();
        const cmd = commandFor(type, actor);
        if (expected === 'allowed') expect(() => checkCommand(state, cmd)).not.toThrow();
        else expect(rejection(state, cmd).type).toBe('Forbidden');
      });
    }
  }
});

describe('reassignment and group parents', () => {
  it('reassigning hands the task over: the new lead must acknowledge, a pending request is withdrawn', () => {
    const s = run(fresh(), { type: 'acknowledge', actor: lead }, { type: 'request_extension', actor: lead, requestId: 'r1', newDueDate: '2027-06-30', reason: 'x' });
    const { state, event } = applyCommand(s, { type: 'reassign', actor: coordinator, leadAgencyCode: 'STC' }, '2027-01-10T01:00:00.000Z');
    expect(state).toMatchObject({ leadAgencyCode: 'STC', status: 'assigned', acknowledgedAt: null, assignedAt: '2027-01-10T01:00:00.000Z' });
    expect(state.coordinatingAgencyCodes).not.toContain('STC');
    expect(state.extensionRequests[0]!.status).toBe('withdrawn');
    expect(event.data).toEqual({ fromAgency: 'STTTT', toAgency: 'STC' });
    expect(rejection(state, { type: 'acknowledge', actor: lead }).type).toBe('Forbidden');
  });

  it('a merger transfers the task as it stands, as lead or as coordinating agency', () => {
    const s = run(fresh(), { type: 'report_progress', actor: lead, percent: 30 });
    const { state, event } = applyCommand(s, { type: 'transfer', actor: admin, from: 'STTTT', to: 'SKHCN', effectiveDate: '2025-03-01' }, T0);
    expect(state).toMatchObject({ leadAgencyCode: 'SKHCN', status: 'in_progress', progress: 30 });
    expect(event).toMatchObject({ type: 'transferred', data: { fromAgency: 'STTTT', toAgency: 'SKHCN', asLead: true } });
    const partnerMerged = applyCommand(s, { type: 'transfer', actor: admin, from: 'STC', to: 'SKHCN', effectiveDate: '2025-03-01' }, T0).state;
    expect(partnerMerged).toMatchObject({ leadAgencyCode: 'STTTT', coordinatingAgencyCodes: ['SKHCN'] });
    expect(rejection(s, { type: 'transfer', actor: admin, from: 'SNV', to: 'SKHCN', effectiveDate: '2025-03-01' }).type).toBe('InvalidInput');
  });

  it('a group parent follows its children and completes when all are closed', () => {
    let s = fresh({ isGroup: true, children: { a: { status: 'assigned', progress: 0 }, b: { status: 'assigned', progress: 0 } } });
    expect(rejection(s, { type: 'acknowledge', actor: lead }).type).toBe('InvalidTransition');
    const child = (childId: string, status: TaskState['status'], progress: number): TaskCommand => ({ type: 'child_changed', actor: SYSTEM_ACTOR, childId, status, progress });
    s = run(s, child('a', 'in_progress', 40));
    expect(s).toMatchObject({ status: 'in_progress', progress: 20 });
    s = run(s, child('a', 'completed', 100));
    expect(s.status).toBe('in_progress');
    s = run(s, child('b', 'cancelled', 0));
    expect(s).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('an agency that joins the group later gets a child of its own; the parent then waits for it too', () => {
    let s = fresh({ isGroup: true, children: { a: { status: 'assigned', progress: 0 } } });
    s = run(s, { type: 'child_changed', actor: SYSTEM_ACTOR, childId: 'a', status: 'in_progress', progress: 60 });
    const { state, event } = applyCommand(s, { type: 'add_child', actor: SYSTEM_ACTOR, childId: 'b', agencyCode: 'H4' }, T0);
    expect(state).toMatchObject({ status: 'in_progress', progress: 30, children: { a: { progress: 60 }, b: { status: 'assigned', progress: 0 } } });
    expect(event).toMatchObject({ type: 'child_added', data: { childId: 'b', agencyCode: 'H4' } });
    const done = run(state, { type: 'child_changed', actor: SYSTEM_ACTOR, childId: 'a', status: 'completed', progress: 100 });
    expect(done.status).toBe('in_progress');
    expect(rejection(state, { type: 'add_child', actor: SYSTEM_ACTOR, childId: 'b', agencyCode: 'H4' }).type).toBe('InvalidInput');
    expect(rejection(fresh(), { type: 'add_child', actor: SYSTEM_ACTOR, childId: 'b', agencyCode: 'H4' }).type).toBe('InvalidTransition');
  });
});

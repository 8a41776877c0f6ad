/**
 * Records the workflow histories that tests/workflows/replay.test.ts replays on the current code:
 * the lifecycle with an extension, a return and reminders across the new year (so a continue-as-new),
 * an overdue task reassigned and cancelled, a group task whose children report and whose cancel
 * cascades, a command sent before any worker ran the task, a recurring task whose yearly report comes
 * late, an appendix imported (its import job), a task assigned by hand (its start-tasks workflow); and
 * of the mail they made, a recipient's digest of a day and the delivery of one message.
 *
 *   node --import tsx tests/workflows/histories/record.ts <label> [scenario…]
 *
 * writes `<label>-<scenario>[-run<N>].json` here, for every scenario or only those named. Record with the code that is deployed, before
 * changing workflow code, and keep the files of every version still running somewhere: a change that
 * cannot replay them needs `patched()` (or a new workflow type), not new recordings.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import type { AppDeps, AuthUser } from '../../../api/context';
import { commitImport, importJobWorkflowId } from '../../../api/services/plan-import';
import { createTask, runTaskCommand } from '../../../api/services/tasks';
import { createUser } from '../../../api/services/users';
import { createWorker } from '../../../runtime/worker';
import { notifications, outbox } from '../../../db/schema';
import { addDays, localDate } from '../../../domain/calendar';
import { BATCHED_KINDS } from '../../../domain/mail/kinds';
import { startTasksWorkflowId, taskWorkflowId } from '../../../workflows/constants';
import { deliveryWorkflowId, digestWorkflowId } from '../../../workflows/constants';
import {
  acceptCompletionUpdate,
  acknowledgeTaskUpdate,
  addContributionUpdate,
  cancelTaskUpdate,
  decideExtensionUpdate,
  editTaskUpdate,
  reassignTaskUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnCompletionUpdate,
  submitCompletionUpdate,
} from '../../../workflows/messages';
import { fromToday } from '../../helpers/dates';
import { createTestDatabase } from '../../helpers/db';
import { seedAgencies, seedPlan } from '../../helpers/fixtures';
import { createTimeSkippingEnv, testConfig, testLogger } from '../../helpers/temporal';
import { historyToText } from './format';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;
const label = process.argv[2];
if (!label || !/^[\w.-]+$/.test(label)) throw new Error('usage: record.ts <label> [scenario…] (the label: e.g. the commit the histories come from)');
/** The scenarios named after the label, or all. */
const only = process.argv.slice(3);
const wanted = (...scenarios: string[]) => only.length === 0 || scenarios.some((s) => only.includes(s));

const env = await createTimeSkippingEnv();
const database = await createTestDatabase('record_histories');
try {
  await seedAgencies(database.db);
  const planId = await seedPlan(database.db, { periodStart: '2026-01-01', periodEnd: '2030-12-31' });
  const deps: AppDeps = { database, temporal: env.client, config: testConfig, logger: testLogger };
  const as = async (role: AuthUser['role'], agencyCode: string): Promise<AuthUser> => {
    const input = { name: `${role} ${agencyCode}`, email: `${role}.${agencyCode.toLowerCase()}@sonla.gov.vn`, role, agencyCode, language: 'vi' as const };
    const { id } = await createUser(database.db, input);
    return { id, ...input };
  };
  const coordinator = await as('coordinator', 'VPUBND');
  const clerk = (code: string) => as('agency', code);
  const [stttt, snv, h1] = await Promise.all([clerk('STTTT'), clerk('SNV'), clerk('H1')]);
  const newTask = (title: string, leadAgency: string, dueInDays: number) =>
    createTask(deps, coordinator, planId, { title, leadAgency, coordinatingAgencies: leadAgency === 'STTTT' ? ['SNV'] : [], dueDate: fromToday(dueInDays), kind: 'new' });
  const actor = (u: AuthUser) => ({ actor: { userId: u.id, name: u.name, role: u.role, agencyCode: u.agencyCode } });
  const handle = (taskId: string) => env.client.workflow.getHandle(taskWorkflowId(taskId));
  const runsOf = new Map<string, string>();
  const firstRun = async (taskId: string) => runsOf.set(taskId, (await handle(taskId).describe()).runId);

  // A command in the same first workflow task as the start: no worker polls yet.
  const tasksRecorded: { scenario: string; taskId: string }[] = [];
  const workflowsRecorded: { scenario: string; workflowId: string }[] = [];
  let earlyAck: Promise<unknown> = Promise.resolve();
  if (wanted('before-open')) {
    const early = await newTask('Ban hành quy chế phối hợp', 'SNV', 60);
    await firstRun(early.id);
    earlyAck = runTaskCommand(deps, snv, early.id, acknowledgeTaskUpdate, actor(snv));
    tasksRecorded.push({ scenario: 'before-open', taskId: early.id });
  }

  const worker = await createWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', db: database.db, logger: testLogger, client: env.client, config: testConfig, digestSignalReuseMs: 0 });
  await worker.runUntil(async () => {
    await earlyAck;

    if (wanted('lifecycle')) {
      // Extension, return, contribution, acceptance; reminders fire while time passes the new year.
      const life = await newTask('Nâng cấp cổng dịch vụ công tỉnh', 'STTTT', 40);
      await firstRun(life.id);
      await runTaskCommand(deps, stttt, life.id, acknowledgeTaskUpdate, actor(stttt));
      await runTaskCommand(deps, stttt, life.id, reportProgressUpdate, { ...actor(stttt), percent: 30, note: 'Đã khảo sát hiện trạng' });
      await runTaskCommand(deps, stttt, life.id, requestExtensionUpdate, { ...actor(stttt), requestId: 'gia-han-1', newDueDate: fromToday(60), reason: 'Chờ kinh phí' });
      await runTaskCommand(deps, coordinator, life.id, decideExtensionUpdate, { ...actor(coordinator), requestId: 'gia-han-1', approve: true, note: 'Đồng ý' });
      await env.sleep(50 * DAY);
      await runTaskCommand(deps, snv, life.id, addContributionUpdate, { ...actor(snv), note: 'Sở Nội vụ đã góp ý dự thảo' });
      await runTaskCommand(deps, stttt, life.id, submitCompletionUpdate, { ...actor(stttt), note: 'Đã vận hành thử' });
      await runTaskCommand(deps, coordinator, life.id, returnCompletionUpdate, { ...actor(coordinator), reason: 'Thiếu biên bản nghiệm thu' });
      await runTaskCommand(deps, stttt, life.id, submitCompletionUpdate, { ...actor(stttt), note: 'Bổ sung biên bản' });
      await runTaskCommand(deps, coordinator, life.id, acceptCompletionUpdate, { ...actor(coordinator), note: 'Hoàn thành' });
      await handle(life.id).result();
      tasksRecorded.push({ scenario: 'lifecycle', taskId: life.id });
    }

    if (wanted('overdue-reassigned-cancelled')) {
      // Overdue notices every week and the escalation, then a new lead, then a cancel.
      const late = await newTask('Số hóa hồ sơ lưu trữ', 'STTTT', 3);
      await firstRun(late.id);
      await env.sleep(25 * DAY);
      await runTaskCommand(deps, coordinator, late.id, reassignTaskUpdate, { ...actor(coordinator), leadAgencyCode: 'SNV', note: 'Chuyển Sở Nội vụ' });
      await runTaskCommand(deps, coordinator, late.id, cancelTaskUpdate, { ...actor(coordinator), reason: 'Không còn phù hợp' });
      await handle(late.id).result();
      tasksRecorded.push({ scenario: 'overdue-reassigned-cancelled', taskId: late.id });
    }

    if (wanted('group', 'group-child')) {
      // A group: a child's progress reaches the parent; the parent's new due date and cancel cascade.
      const group = await newTask('Rà soát quy hoạch sử dụng đất cấp huyện', 'HUYEN', 30);
      const child = group.children.find((c) => c.leadAgency === 'H1')!;
      await Promise.all([firstRun(group.id), firstRun(child.id)]);
      await runTaskCommand(deps, h1, child.id, acknowledgeTaskUpdate, actor(h1));
      await runTaskCommand(deps, h1, child.id, reportProgressUpdate, { ...actor(h1), percent: 50 });
      await runTaskCommand(deps, coordinator, group.id, editTaskUpdate, { ...actor(coordinator), dueDate: fromToday(45), note: 'Lùi hạn theo chỉ đạo' });
      await runTaskCommand(deps, coordinator, group.id, cancelTaskUpdate, { ...actor(coordinator), reason: 'Gộp vào kế hoạch khác' });
      await Promise.all([group, ...group.children].map((t) => handle(t.id).result()));
      tasksRecorded.push({ scenario: 'group', taskId: group.id }, { scenario: 'group-child', taskId: child.id });
    }

    if (wanted('recurring')) {
      // A recurring task ("thường xuyên") whose plan's yearly report is due in 20 days, its period ending in
      // 60: the reminders of that report date, overdue past it and escalated, the report made up late, a cancel.
      const today = localDate(await env.currentTimeMs());
      const reportDay = addDays(today, 20);
      const yearlyPlanId = await seedPlan(database.db, {
        code: 'KH-THUONG-XUYEN',
        periodStart: `${today.slice(0, 4)}-01-01`,
        periodEnd: `${Number(today.slice(0, 4)) + 1}-12-31`,
        settings: { report: { dueOn: reportDay.slice(5) } },
      });
      const recurring = await createTask(deps, coordinator, yearlyPlanId, {
        title: 'Duy trì hệ thống thông tin một cửa điện tử',
        leadAgency: 'STTTT',
        coordinatingAgencies: [],
        startDate: today,
        dueDate: addDays(today, 60),
        kind: 'recurring',
      });
      await firstRun(recurring.id);
      await runTaskCommand(deps, stttt, recurring.id, acknowledgeTaskUpdate, actor(stttt));
      await env.sleep(35 * DAY);
      await runTaskCommand(deps, stttt, recurring.id, reportProgressUpdate, { ...actor(stttt), percent: 60, note: 'Báo cáo bổ sung' });
      await env.sleep(20 * DAY);
      await runTaskCommand(deps, coordinator, recurring.id, cancelTaskUpdate, { ...actor(coordinator), reason: 'Nhiệm vụ đã kết thúc' });
      await handle(recurring.id).result();
      tasksRecorded.push({ scenario: 'recurring', taskId: recurring.id });
    }

    if (wanted('import-job')) {
      // An appendix of three rows, one of them led by a group, committed: the job starts their workflows.
      const imported = await seedPlan(database.db, { code: 'KH-NHAP', periodStart: '2026-01-01', periodEnd: '2030-12-31' });
      const appendix = [
        'STT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện',
        '1,Xây dựng kho dữ liệu dùng chung,Sở Thông tin và Truyền thông,Sở Nội vụ,2027',
        '2,Chuẩn hóa quy trình một cửa,Sở Nội vụ,,2026-2028',
        '3,Rà soát quy hoạch sử dụng đất,"UBND các huyện, thành phố",Sở Tài chính,2028',
      ].join('\n');
      const committed = await commitImport(deps, coordinator, imported, { data: new TextEncoder().encode(appendix), fileName: 'phu-luc.csv', contentType: 'text/csv' });
      const workflowId = importJobWorkflowId(committed.job!.id);
      await env.client.workflow.getHandle(workflowId).result();
      workflowsRecorded.push({ scenario: 'import-job', workflowId });
    }

    if (wanted('start-tasks')) {
      // A group task assigned by hand: the workflow that starts the parent and its children.
      const group = await newTask('Rà soát thủ tục hành chính cấp huyện', 'HUYEN', 30);
      workflowsRecorded.push({ scenario: 'start-tasks', workflowId: startTasksWorkflowId(group.id) });
    }
  });

  // Every run of each workflow, following continue-as-new from the first.
  const record = async (scenario: string, workflowId: string, firstRunId?: string) => {
    const runs = [];
    for (let runId: string | undefined = firstRunId ?? (await env.client.workflow.getHandle(workflowId).describe()).runId; runId; ) {
      const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.push(history);
      runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    runs.forEach((history, i) => {
      const file = `${label}-${scenario}${runs.length > 1 ? `-run${i + 1}` : ''}.json`;
      writeFileSync(path.join(DIR, file), `${historyToText(history)}\n`);
      console.log(`${file}: ${history.events?.length} events`);
    });
  };
  for (const { scenario, taskId } of tasksRecorded) await record(scenario, taskWorkflowId(taskId), runsOf.get(taskId));
  for (const { scenario, workflowId } of workflowsRecorded) await record(scenario, workflowId);
  // The mail the tasks made: a recipient's digest of a day, and the delivery of one message.
  if (wanted('digest')) {
    const [digest] = await database.db.selectDistinct({ recipient: notifications.recipient, day: notifications.day }).from(notifications).where(inArray(notifications.kind, [...BATCHED_KINDS])).limit(1);
    await record('digest', digestWorkflowId(digest!.recipient, digest!.day));
  }
  if (wanted('delivery')) {
    const [message] = await database.db.select({ id: outbox.id }).from(outbox).limit(1);
    await record('delivery', deliveryWorkflowId(message!.id));
  }
} finally {
  await env.teardown();
  await database.drop();
}

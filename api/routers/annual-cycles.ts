import { z } from 'zod';
import { LANGUAGES } from '../../domain/vocabulary';
import type { AnnualReport } from '../../domain/report';
import { renderAnnualReportHtml } from '../../domain/report';
import { annualReportSchema } from '../services/annual-report-schema';
import { renderAnnualReportXlsx } from '../services/report-xlsx';
import { idParam, route } from '../route';
import { requiredText, note } from '../schemas';
import { MAX_EVIDENCE_PER_COMMAND } from '../../domain/attachments';
import { compiledReport, cycleStatus, listCycles, startCycle, submitAgencyReport } from '../services/annual-cycles';

const yearParam = idParam.extend({ year: z.coerce.number({ message: 'phải là năm' }).int().min(2000, 'từ 2000').max(2100, 'đến 2100') });

const cycleSchema = z.object({
  planId: z.uuid(),
  year: z.number(),
  status: z.enum(['requested', 'compiled']),
  requestedOn: z.string(),
  dueDate: z.string(),
  compiledAt: z.string().nullable(),
  version: z.number(),
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      requested: z.boolean(),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
      summary: z.string().nullable(),
      versions: z.number(),
    }),
  ),
});

export const annualCycleRoutes = [
  route({
    method: 'get',
    path: '/api/plans/:id/annual-cycles',
    tag: 'annual reports',
    summary: 'The reporting cycles of a plan',
    auth: ['coordinator', 'viewer'],
    params: idParam,
    responses: { 200: { description: 'Cycles by year' } },
    async handler({ deps, params }) {
      return { body: { items: await listCycles(deps, params.id) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/plans/:id/annual-cycles',
    tag: 'annual reports',
    summary: "Start a year's reporting cycle by hand (the plan's Schedule starts one each year on its own)",
    auth: ['coordinator'],
    params: idParam,
    body: z.object({ year: z.number({ message: 'phải là năm' }).int('phải là năm').min(2000).max(2100) }),
    responses: { 201: { description: 'Started', schema: z.object({ planId: z.uuid(), year: z.number(), workflowId: z.string() }) }, 409: { description: 'Already running' } },
    async handler({ deps, params, body }) {
      return { status: 201, body: await startCycle(deps, params.id, body.year) };
    },
  }),
  route({
    method: 'get',
    path: '/api/plans/:id/annual-cycles/:year',
    tag: 'annual reports',
    summary: 'Per-agency status of a cycle: asked, reported (on time?), summary; an agency sees its own line',
    auth: ['coordinator', 'viewer', 'agency'],
    agencyScope: 'own-agency',
    params: yearParam,
    responses: { 200: { description: 'The cycle', schema: cycleSchema } },
    async handler({ deps, user, params }) {
      return { body: await cycleStatus(deps, user, params.id, params.year) };
    },
  }),
  route({
    method: 'post',
    path: '/api/plans/:id/annual-cycles/:year/reports',
    tag: 'annual reports',
    summary: "An agency's yearly report: a summary and progress % with a note and evidence files per task it leads (a second one replaces the first)",
    auth: ['agency'],
    agencyScope: 'lead-agency',
    params: yearParam,
    body: z.object({
      summary: requiredText(20_000),
      tasks: z
        .array(
          z.object({
            taskId: z.uuid({ message: 'phải là mã nhiệm vụ (UUID)' }),
            percent: z.number({ message: 'phải là số' }).int('phải là số nguyên').min(0, 'từ 0 đến 100').max(100, 'từ 0 đến 100'),
            note: note.optional(),
            attachmentIds: z
              .array(z.uuid({ message: 'phải là mã tệp đã tải lên (UUID)' }), { message: 'phải là danh sách mã tệp' })
              .max(MAX_EVIDENCE_PER_COMMAND, `tối đa ${MAX_EVIDENCE_PER_COMMAND} tệp`)
              .optional()
              .describe('evidence files uploaded to that task by the reporting agency'),
          }),
        )
        .max(2000),
    }),
    responses: {
      201: {
        description: 'Recorded; progress sent to the tasks; the cycle recompiles if it had compiled',
        schema: z.object({ reportId: z.uuid(), onTime: z.boolean(), notApplied: z.array(z.object({ taskId: z.string(), reason: z.string() })) }),
      },
    },
    async handler({ deps, user, params, body }) {
      return { status: 201, body: await submitAgencyReport(deps, user, params.id, params.year, body) };
    },
  }),
  route({
    method: 'get',
    path: '/api/plans/:id/annual-cycles/:year/report',
    tag: 'annual reports',
    summary: 'The compiled province report: JSON, XLSX (one sheet per view) or printable HTML',
    auth: ['coordinator', 'viewer'],
    params: yearParam,
    query: z.object({ format: z.enum(['json', 'xlsx', 'html'], { message: 'phải là json, xlsx hoặc html' }).default('json'), lang: z.enum(LANGUAGES).default('vi') }),
    responses: { 200: { description: 'The report: JSON as below, or by `format` the XLSX workbook or the printable HTML', schema: annualReportSchema }, 404: { description: 'Not compiled yet' } },
    async handler({ deps, res, params, query }) {
      const report = (await compiledReport(deps, params.id, params.year)) as unknown as AnnualReport;
      if (query.format === 'json') return { body: report };
      const name = `bao-cao-${params.year}-v${report.version ?? 1}`;
      if (query.format === 'html') {
        res.type('html').send(renderAnnualReportHtml(report, query.lang));
        return;
      }
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${name}.xlsx`)
        .send(await renderAnnualReportXlsx(report, query.lang));
    },
  }),
];

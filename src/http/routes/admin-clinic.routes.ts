import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
  clinicUpdateSchema,
  clinicViewSchema,
  createPharmacyRequestSchema,
  patientListingSchema,
  pharmacySchema,
  updatePharmacyRequestSchema,
  type AuditQuery,
  type ClinicUpdate,
  type CreatePharmacyRequest,
  type UpdatePharmacyRequest,
} from '../../contracts/admin.js';
import { principal, requestContext } from '../auth/session-hook.js';
import { defineRoute, type RouteDefinition } from '../route.js';
import type { ServerDeps } from '../server-deps.js';
import { presentAuditEntry, presentPatient, presentPharmacy } from './admin-present.js';
import { uuidParam } from './courses.routes.js';

function actorOf(request: FastifyRequest) {
  return { principal: principal(request), context: requestContext(request) };
}

const notAdmin = { description: 'Not a clinic administrator' };

/** The clinic's settings, patient records (for linking accounts), pharmacies and audit log. */
export function adminClinicRoutes(deps: ServerDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/clinic',
      operationId: 'getClinicSettings',
      summary: 'Clinic admin: name, jurisdiction, time zone and rule-pack settings (defaults filled in)',
      tags: ['admin'],
      responses: { 200: { description: 'The clinic', schema: clinicViewSchema }, 403: notAdmin },
      handler: (request) => deps.app.admin.readClinic(actorOf(request)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/admin/clinic',
      operationId: 'updateClinicSettings',
      summary: 'Clinic admin: replace name, jurisdiction (only while there are no patients), time zone and rule-pack settings (validated as the programme case clinic.settings)',
      tags: ['admin'],
      body: clinicUpdateSchema,
      responses: { 200: { description: 'Saved', schema: clinicViewSchema }, 403: notAdmin, 409: { description: 'Jurisdiction change while the clinic has patients' } },
      handler: (request, _reply, body: ClinicUpdate) => deps.app.admin.updateClinic(actorOf(request), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/patients',
      operationId: 'listPatientRecords',
      summary: 'Clinic admin: patient records with their active account, to link patient accounts; audited',
      tags: ['admin'],
      responses: { 200: { description: 'Patient records', schema: z.array(patientListingSchema) }, 403: notAdmin },
      handler: async (request) => (await deps.app.admin.listPatients(actorOf(request))).map(presentPatient),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/pharmacies',
      operationId: 'listPharmacies',
      summary: 'Clinic admin: the pharmacies this clinic manages',
      tags: ['admin'],
      responses: { 200: { description: 'Pharmacies', schema: z.array(pharmacySchema) }, 403: notAdmin },
      handler: async (request) => (await deps.app.admin.listPharmacies(actorOf(request))).map(presentPharmacy),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/pharmacies',
      operationId: 'createPharmacy',
      summary: 'Clinic admin: register a pharmacy (this clinic manages it: certification, yearly activation, pharmacist accounts)',
      tags: ['admin'],
      body: createPharmacyRequestSchema,
      responses: { 201: { description: 'Registered', schema: pharmacySchema }, 403: notAdmin },
      handler: async (request, reply, body: CreatePharmacyRequest) => reply.code(201).send(presentPharmacy(await deps.app.admin.createPharmacy(actorOf(request), body))),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/pharmacies/:pharmacyId',
      operationId: 'updatePharmacy',
      summary: 'Clinic admin: record a certification or yearly activation date (null clears it), or correct the name',
      tags: ['admin'],
      body: updatePharmacyRequestSchema,
      responses: { 200: { description: 'Saved', schema: pharmacySchema }, 403: notAdmin, 404: { description: 'No such pharmacy managed by this clinic' } },
      handler: async (request, _reply, body: UpdatePharmacyRequest) => presentPharmacy(await deps.app.admin.updatePharmacy(actorOf(request), uuidParam(request, 'pharmacyId'), body)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/audit',
      operationId: 'readAuditLog',
      summary: 'Clinic admin: the clinic audit log, newest first, by actor, patient, action and days in the clinic zone, in pages (cursor `before`); audited',
      tags: ['admin'],
      query: auditQuerySchema,
      responses: { 200: { description: 'One page', schema: auditPageSchema }, 403: notAdmin },
      handler: async (request, _reply, _body: undefined, query: AuditQuery) => {
        const page = await deps.app.admin.readAuditLog(actorOf(request), query);
        return { entries: page.entries.map(presentAuditEntry), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/audit/verification',
      operationId: 'verifyClinicAuditLog',
      summary: 'Clinic admin: recompute the clinic audit chain; ok is false when an entry was altered or removed',
      tags: ['admin'],
      responses: { 200: { description: 'The verification', schema: auditVerificationSchema }, 403: notAdmin },
      handler: async (request) => {
        const result = await deps.app.admin.verifyAuditLog(actorOf(request));
        return { ok: result.ok, entries: result.entries, problems: result.problems.map((p) => ({ seq: p.seq, problem: p.problem })) };
      },
    }),
  ];
}

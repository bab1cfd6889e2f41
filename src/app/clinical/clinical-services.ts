import type { ClinicalFactRecord } from '../../db/clinical-fact.repository.js';
import type { PhotoRecord } from '../../db/progress-photo.repository.js';
import type { ClinicalFactKind } from '../../db/schema.js';
import type { DoseRequest, GradingRequest, LabRequest, NoteRequest, Phq9Request, SymptomReport, WeightRequest } from '../../contracts/clinical.js';
import type { Actor, CourseDeps } from '../course/course-context.js';
import type { StoredFact } from './clinical-context.js';
import { readCumulativeDose, type CumulativeView } from './cumulative-dose.js';
import { listCoursePhotos, readPhoto, uploadPhoto, type PhotoUploadInput } from './photos.js';
import { listFacts } from './read-facts.js';
import { recordDose, recordWeight, type DoseResult } from './record-dose.js';
import { recordGrading } from './record-grading.js';
import { recordLab, type LabResult } from './record-lab.js';
import { recordNote } from './record-note.js';
import { recordPhq9, type Phq9Result } from './record-phq9.js';
import { recordSymptoms, type SymptomResult } from './record-symptoms.js';

/** The records the edges present (the HTTP layer sees the app, never the database). */
export type ClinicalFact = ClinicalFactRecord;
export type ProgressPhoto = PhotoRecord;
export type FactKind = ClinicalFactKind;

/** The clinical facts of a course (issue 5, item 1), as the edges see them. */
export interface ClinicalServices {
  recordDose(actor: Actor, courseId: string, input: DoseRequest): Promise<DoseResult>;
  recordWeight(actor: Actor, courseId: string, input: WeightRequest): Promise<StoredFact>;
  cumulativeDose(actor: Actor, courseId: string, query: { rebaseOn?: string | undefined }): Promise<CumulativeView>;
  recordLab(actor: Actor, courseId: string, input: LabRequest): Promise<LabResult>;
  recordPhq9(actor: Actor, courseId: string, input: Phq9Request): Promise<Phq9Result>;
  recordSymptoms(actor: Actor, courseId: string, input: SymptomReport): Promise<SymptomResult>;
  recordGrading(actor: Actor, courseId: string, input: GradingRequest): Promise<StoredFact>;
  recordNote(actor: Actor, courseId: string, input: NoteRequest): Promise<StoredFact>;
  listFacts(actor: Actor, courseId: string, kind: ClinicalFactKind): Promise<ClinicalFactRecord[]>;
  uploadPhoto(actor: Actor, courseId: string, input: PhotoUploadInput): Promise<PhotoRecord>;
  listPhotos(actor: Actor, courseId: string): Promise<PhotoRecord[]>;
  readPhoto(actor: Actor, courseId: string, photoId: string): Promise<{ photo: PhotoRecord; content: Buffer }>;
}

export function clinicalServices(deps: CourseDeps): ClinicalServices {
  return {
    recordDose: (actor, courseId, input) => recordDose(deps, actor, courseId, input),
    recordWeight: (actor, courseId, input) => recordWeight(deps, actor, courseId, input),
    cumulativeDose: (actor, courseId, query) => readCumulativeDose(deps, actor, courseId, query),
    recordLab: (actor, courseId, input) => recordLab(deps, actor, courseId, input),
    recordPhq9: (actor, courseId, input) => recordPhq9(deps, actor, courseId, input),
    recordSymptoms: (actor, courseId, input) => recordSymptoms(deps, actor, courseId, input),
    recordGrading: (actor, courseId, input) => recordGrading(deps, actor, courseId, input),
    recordNote: (actor, courseId, input) => recordNote(deps, actor, courseId, input),
    listFacts: (actor, courseId, kind) => listFacts(deps, actor, courseId, kind),
    uploadPhoto: (actor, courseId, input) => uploadPhoto(deps, actor, courseId, input),
    listPhotos: (actor, courseId) => listCoursePhotos(deps, actor, courseId),
    readPhoto: (actor, courseId, photoId) => readPhoto(deps, actor, courseId, photoId),
  };
}

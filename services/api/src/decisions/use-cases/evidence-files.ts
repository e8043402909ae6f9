import { BLOB_STORE } from '../../infrastructure/tokens';
import { Inject, Injectable } from '@nestjs/common';
import type { BlobStore } from '@vsoko/blob-store';
import { DomainRuleViolation, MAX_EVIDENCE_BYTES, NotFound, type CommandContext } from '@vsoko/domain';
import type { SchoolScope } from '../../auth/readable-schools.decorator';
import { DecisionUseCases } from './decision-use-cases';
import { evidenceMediaType } from './evidence-type';

export interface EvidenceUpload {
  decisionId: string;
  evidenceId: string;
  fileName: string;
  bytes: Buffer;
  about: string;
  description?: string;
}

/**
 * Evidence files: checked (type by content, size), stored once by their SHA-256, then attached to the decision
 * by that hash. The decision is checked against the caller's school before a byte is stored.
 */
@Injectable()
export class EvidenceFiles {
  constructor(
    private readonly decisions: DecisionUseCases,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async upload(upload: EvidenceUpload, ctx: CommandContext, expectedRevision?: number) {
    await this.decisions.get(upload.decisionId, [ctx.schoolId]);
    if (upload.bytes.length === 0 || upload.bytes.length > MAX_EVIDENCE_BYTES) {
      throw new DomainRuleViolation(
        'EVIDENCE_TOO_LARGE',
        `Файл подтверждения — от 1 байта до ${MAX_EVIDENCE_BYTES / 1024 / 1024} МБ`,
      );
    }
    const mediaType = evidenceMediaType(upload.fileName, upload.bytes);
    if (mediaType === null) {
      throw new DomainRuleViolation(
        'EVIDENCE_TYPE_NOT_ALLOWED',
        'Подтверждение принимается в PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS или TXT (UTF-8)',
      );
    }
    const { sha256, size } = await this.blobs.put(upload.bytes);
    const outcome = await this.decisions.change(
      upload.decisionId,
      {
        type: 'AttachEvidence',
        data: {
          decisionId: upload.decisionId,
          evidenceId: upload.evidenceId,
          ref: { kind: 'file', sha256, fileName: upload.fileName, mediaType, size },
          about: upload.about,
          ...(upload.description !== undefined ? { description: upload.description } : {}),
        },
      },
      ctx,
      expectedRevision,
    );
    return { ...outcome, sha256, size, mediaType };
  }

  /** The stored bytes of an evidence file of a decision the caller may read, with the hash they must have. */
  async download(decisionId: string, evidenceId: string, schools: SchoolScope) {
    const decision = await this.decisions.get(decisionId, schools);
    const evidence = decision.evidence.find((e) => e.evidenceId === evidenceId);
    if (!evidence || evidence.ref.kind !== 'file') {
      throw new NotFound('EVIDENCE_NOT_FOUND', `Файла подтверждения ${evidenceId} у решения нет`);
    }
    const bytes = await this.blobs.get(evidence.ref.sha256);
    if (!bytes) throw new NotFound('EVIDENCE_NOT_FOUND', 'Файл подтверждения не найден в хранилище');
    return { bytes, ref: evidence.ref };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  sha256Hex,
  verifyWebhookSignature,
  WEBHOOK_RECEIPTS_COLLECTION,
  WEBHOOK_SIGNATURES_COLLECTION,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookReceiptDocument,
} from '@vsoko/calendar';
import { Conflict, NotFound, ValidationFailed } from '@vsoko/domain';
import { INTEGRATIONS_TASK_QUEUE, webhookWorkflowId } from '@vsoko/workflows/calendar/definitions';
import type { Db } from 'mongodb';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, READ_DB, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { unauthorized } from '../shared/access';
import { IntegrationLog } from '../shared/integration-log';
import { IntegrationRepository } from '../shared/repository';

export interface Delivery {
  integrationId?: string;
  timestamp?: string;
  signature?: string;
  idempotencyKey?: string;
  body: Buffer;
}

export interface Receipt {
  receiptId: string;
  position: number;
  duplicate: boolean;
}

/**
 * A signed delivery is verified, then appended to the integration's stream before anything else happens:
 * once the 202 is sent the delivery is in the log, and a worker that was down processes it when it returns.
 */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger('CalendarWebhook');

  constructor(
    private readonly repo: IntegrationRepository,
    private readonly log: IntegrationLog,
    @Inject(READ_DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async accept(delivery: Delivery): Promise<Receipt> {
    const { integrationId, signature } = delivery;
    if (!integrationId || !delivery.timestamp || !signature) {
      throw unauthorized(
        'WEBHOOK_SIGNATURE_REQUIRED',
        'Нужны заголовки X-Vsoko-Integration, X-Vsoko-Timestamp и X-Vsoko-Signature',
      );
    }
    const integration = await this.repo.integration(integrationId).catch((e: unknown) => {
      // An unknown integration answers like a bad signature: ids are not to be probed.
      if (e instanceof NotFound) throw unauthorized('WEBHOOK_SIGNATURE_INVALID', 'Подпись webhook неверна');
      throw e;
    });
    const timestamp = Number(delivery.timestamp);
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    if (
      !/^\d{1,12}$/.test(delivery.timestamp) ||
      Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS
    ) {
      throw unauthorized(
        'WEBHOOK_TIMESTAMP_STALE',
        `Метка времени webhook отличается от текущего времени больше чем на ${WEBHOOK_TOLERANCE_SECONDS / 60} минут`,
      );
    }
    if (!verifyWebhookSignature(integration.secret, timestamp, delivery.body, signature)) {
      throw unauthorized('WEBHOOK_SIGNATURE_INVALID', 'Подпись webhook неверна');
    }
    if (delivery.idempotencyKey !== undefined && !/^[\w.:-]{1,128}$/.test(delivery.idempotencyKey)) {
      throw new ValidationFailed('INVALID_HEADER', 'Idempotency-Key: до 128 символов [A-Za-z0-9_.:-]');
    }
    const bodySha256 = sha256Hex(delivery.body.toString('utf8'));
    const key = delivery.idempotencyKey ?? `sig-${sha256Hex(signature)}`;
    const receipts = this.db.collection<WebhookReceiptDocument>(WEBHOOK_RECEIPTS_COLLECTION);
    if (delivery.idempotencyKey !== undefined) {
      const earlier = await receipts.findOne({ _id: `${integrationId}:${key}` });
      if (earlier && earlier.bodySha256 !== bodySha256) {
        throw new Conflict(
          'IDEMPOTENCY_KEY_REUSED',
          'Ключ Idempotency-Key уже использован для другого запроса',
        );
      }
      if (earlier) return { receiptId: earlier.eventId, position: earlier.position, duplicate: true };
    }
    await this.rememberSignature(integrationId, signature, key);

    const { eventId, position } = await this.log.append(
      integrationId,
      integration.schoolId,
      `webhook:${key}`,
      'CalendarWebhookReceived',
      {
        integrationId,
        idempotencyKey: key,
        bodySha256,
        signedAt: timestamp,
        ics: delivery.body.toString('utf8'),
      },
    );
    await receipts.updateOne(
      { _id: `${integrationId}:${key}` },
      { $setOnInsert: { bodySha256, eventId, position, receivedAt: this.clock.now().toISOString() } },
      { upsert: true },
    );
    await this.startProcessing(integrationId, eventId, position);
    return { receiptId: eventId, position, duplicate: false };
  }

  /**
   * A signature is good once: the same bytes again are a replay, unless they carry the Idempotency-Key they
   * were first sent with (a client's retry). Older signatures need no memory: their timestamp is stale.
   */
  private async rememberSignature(integrationId: string, signature: string, key: string): Promise<void> {
    const signatures = this.db.collection<{ _id: string; integrationId: string; key: string; at: string }>(
      WEBHOOK_SIGNATURES_COLLECTION,
    );
    const _id = sha256Hex(signature);
    try {
      await signatures.insertOne({ _id, integrationId, key, at: this.clock.now().toISOString() });
    } catch (e) {
      if ((e as { code?: number }).code === 11000) {
        // The same bytes under the same Idempotency-Key: a retry after a failure between here and the receipt.
        if ((await signatures.findOne({ _id }))?.key === key && !key.startsWith('sig-')) return;
        throw new Conflict(
          'WEBHOOK_REPLAYED',
          'Этот запрос уже был получен: повтор с той же подписью отклонён',
        );
      }
      throw e;
    }
  }

  /** Temporal keeps the task until a worker takes it; if Temporal itself is away, the log still has it. */
  private async startProcessing(integrationId: string, eventId: string, position: number): Promise<void> {
    try {
      await this.temporal.workflow.start('calendarWebhookWorkflow', {
        workflowId: webhookWorkflowId(integrationId, eventId),
        taskQueue: INTEGRATIONS_TASK_QUEUE,
        args: [{ integrationId, position }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.warn(`webhook ${eventId} записан, обработка начнётся позже: ${(e as Error).message}`);
    }
  }
}

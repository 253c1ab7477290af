import { log } from '../lib/logger';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Sector } from '../../shared/domain/sectors';
import { ServiceModel } from '../catalog/service.model';
import type { Clock } from '../clock';
import type { RoutingPort, RoutingResult } from '../context';
import { computeDeadline, inZone, LAPOR_FOLLOWUP_DAYS, type Calendar } from '../inbox/deadline';
import {
  classify,
  DEFAULT_MODEL_PATH,
  loadModel,
  type ClassifyResult,
  type Model,
} from './classifier';
import { ModelVersionModel } from './routing.models';
import { resolveUpp, type ForumPlace } from './upp-resolver';
import { versionEvaluation } from './versions';

/**
 * The answer deadline of an item about this service: its standard's response time in working
 * days (SP4N-LAPOR!'s follow-up time when the catalog has none). Needs no model.
 */
export async function serviceDeadline(
  serviceCode: string | null,
  from: Date,
  calendar: Calendar,
): Promise<Date> {
  const svc = serviceCode ? await ServiceModel.findOne({ code: serviceCode }) : null;
  const stored = svc?.standard?.responseTime;
  const rt =
    stored?.value && stored.unit ? { value: stored.value, unit: stored.unit } : LAPOR_FOLLOWUP_DAYS;
  return computeDeadline(from, rt, calendar);
}

export interface EngineOptions {
  clock: Clock;
  /** Where trained model files are kept. */
  modelsDir: string;
  calendar: () => Calendar;
  /** Confidence below which an input goes to triage (default: the model's own threshold). */
  threshold?: number;
}

/** Classifies inputs with the active model and resolves the responsible UPP and deadline. */
export class RoutingEngine implements RoutingPort {
  private model: Model;
  private versionId: string;

  private constructor(
    private readonly opts: EngineOptions,
    model: Model,
    versionId: string,
  ) {
    this.model = model;
    this.versionId = versionId;
  }

  /**
   * Loads the active version, registering the shipped model as a version if needed. A stored
   * version that can no longer be loaded (its file is gone, or it was built by another
   * normalizer), or an older shipped model (its file now holds the new one), gives way to the
   * shipped model, which becomes the active version.
   */
  static async create(opts: EngineOptions): Promise<RoutingEngine> {
    mkdirSync(opts.modelsDir, { recursive: true });
    const shipped = loadModel(DEFAULT_MODEL_PATH);
    const shippedId = `shipped-${shipped.meta.versionId}`;
    if (!(await ModelVersionModel.exists({ versionId: shippedId }))) {
      await ModelVersionModel.create({
        versionId: shippedId,
        file: DEFAULT_MODEL_PATH,
        source: 'shipped',
        active: false,
        corpusSize: shipped.meta.corpusSize,
        evaluation: versionEvaluation(shipped),
      });
    }
    const active = await ModelVersionModel.findOne({ active: true });
    if (active && active.versionId !== shippedId && active.source === 'trained') {
      const model = loadVersionFile(active.file, active.versionId);
      if (model) return new RoutingEngine(opts, model, active.versionId);
    }
    if (active?.versionId !== shippedId) {
      await ModelVersionModel.updateMany({ active: true }, { $set: { active: false } });
      await ModelVersionModel.updateOne(
        { versionId: shippedId },
        { $set: { active: true, activatedAt: new Date() } },
      );
    }
    return new RoutingEngine(opts, shipped, shippedId);
  }

  get version(): string {
    return this.versionId;
  }

  get threshold(): number {
    return this.opts.threshold ?? this.model.meta.threshold;
  }

  /** Switches to another stored version (used by activation and rollback). */
  use(model: Model, versionId: string): void {
    this.model = model;
    this.versionId = versionId;
  }

  classify(text: string): ClassifyResult {
    return classify(this.model, text);
  }

  /** The deadline of the service's standard, counted in working days of the UPP's zone. */
  async deadlineFor(
    serviceCode: string | null,
    from: Date,
    timeZone?: string | null,
  ): Promise<Date> {
    return serviceDeadline(serviceCode, from, inZone(this.opts.calendar(), timeZone));
  }

  async route(args: {
    text: string;
    serviceCode: string | null;
    forum: ForumPlace;
  }): Promise<RoutingResult> {
    const r = this.classify(args.text);
    const now = this.opts.clock.now();
    // A service the citizen picked from the catalog outranks the model's guess.
    const picked = args.serviceCode
      ? await ServiceModel.findOne({ code: args.serviceCode }, { code: 1, sector: 1 })
      : null;
    const sector = (picked?.sector as Sector | undefined) ?? r.sector;
    const serviceCode = picked?.code ?? r.serviceCode;
    const confident = !!picked || r.confidence >= this.threshold;
    const upp = confident && serviceCode ? await resolveUpp(serviceCode, args.forum) : null;
    const triage = !upp;
    return {
      sector,
      serviceCode,
      uppId: upp ? upp._id.toString() : null,
      confidence: r.confidence,
      triage,
      source: 'model',
      modelVersion: this.versionId,
      topSectors: r.topSectors,
      topTerms: r.explanation.topTerms,
      routedAt: now,
      deadline: triage ? null : await this.deadlineFor(serviceCode, now, upp.timeZone),
    };
  }
}

/** A stored version's model, or null (with a warning) when it cannot be used any more. */
export function loadVersionFile(file: string, versionId: string): Model | null {
  if (!existsSync(file)) {
    log.warn({ scope: 'routing', versionId, file }, 'model file is missing');
    return null;
  }
  try {
    return loadModel(file);
  } catch (err) {
    log.warn({ scope: 'routing', versionId, err }, 'model cannot be loaded');
    return null;
  }
}

export function modelsDir(dataDir: string): string {
  return path.join(dataDir, 'models');
}

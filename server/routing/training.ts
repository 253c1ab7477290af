import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelVersion, TrainingStatus } from '../../shared/schemas/routing';
import type { AuthUser } from '../auth/types';
import { projectRoot } from '../config';
import { entryArgs } from '../lib/runtime';
import { conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import type { Example } from './classifier/corpus';
import { loadModel } from './classifier/io';
import { loadVersionFile, type RoutingEngine } from './engine';
import { dedupeCorrections } from './retrain';
import { CorrectionModel, ModelVersionModel } from './routing.models';
import { liveScores, type LiveLabel } from './versions';

interface JobResult {
  versionId: string;
  corpusSize: number;
  correctionsUsed: number;
  evaluation: ModelVersion['evaluation'];
}

/** Runs one training job at a time in a child process and registers the new version. */
export class TrainingManager {
  private status: TrainingStatus = {
    state: 'idle',
    progress: 0,
    message: '',
    startedAt: null,
    versionId: null,
  };

  private child: ChildProcess | null = null;

  constructor(
    private readonly engine: RoutingEngine,
    private readonly modelsDir: string,
  ) {}

  /** Ends a running training job (the app is stopping); its version is not registered. */
  stop(): void {
    this.child?.kill('SIGTERM');
    this.child = null;
  }

  get current(): TrainingStatus {
    return { ...this.status };
  }

  /**
   * Corrections become training examples with the label a person chose: one per normalized text,
   * the latest label winning (retrain.ts), oldest first.
   */
  async correctionExamples(): Promise<Example[]> {
    const rows = await CorrectionModel.find({}, { text: 1, to: 1 }).sort({ createdAt: 1, _id: 1 });
    return dedupeCorrections(
      rows.map((c) => ({
        text: c.text,
        sector: c.to.sector as Example['sector'],
        serviceCode: c.to.serviceCode ?? null,
      })),
    );
  }

  /** Starts training; resolves when the job has finished (the HTTP route does not wait). */
  async start(actor: AuthUser): Promise<void> {
    if (this.status.state === 'running') {
      throw conflict('training_running');
    }
    mkdirSync(this.modelsDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const examplesFile = path.join(this.modelsDir, `corrections-${stamp}.json`);
    const outFile = path.join(this.modelsDir, `model-${stamp}.json.gz`);
    const corrections = await this.correctionExamples();
    writeFileSync(examplesFile, JSON.stringify(corrections));
    this.status = {
      state: 'running',
      progress: 1,
      message: 'Memulai pelatihan...',
      startedAt: new Date().toISOString(),
      versionId: null,
    };
    await audit(actor, 'routing.train', 'routing-model', `${corrections.length} koreksi`);
    const result = await this.run(examplesFile, outFile);
    if (!result) return;
    // Stored, not activated: an admin compares its scores with the active version's and
    // activates it (or keeps the active one). A worse model never routes by itself.
    loadModel(outFile);
    await ModelVersionModel.create({
      versionId: result.versionId,
      file: outFile,
      source: 'trained',
      active: false,
      corpusSize: result.corpusSize,
      correctionsUsed: result.correctionsUsed,
      evaluation: result.evaluation,
      createdBy: actor.id,
      activatedAt: null,
    });
    this.status = {
      ...this.status,
      state: 'done',
      progress: 100,
      message: `Model ${result.versionId} selesai dilatih (belum aktif).`,
      versionId: result.versionId,
    };
  }

  private run(examplesFile: string, outFile: string): Promise<JobResult | null> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [...entryArgs('train.job'), examplesFile, outFile], {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.child = child;
      let buf = '';
      let done: JobResult | null = null;
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          try {
            const msg = JSON.parse(line) as Partial<JobResult> & {
              progress?: number;
              message?: string;
              done?: boolean;
            };
            if (typeof msg.progress === 'number') this.status.progress = msg.progress;
            if (msg.message) this.status.message = msg.message;
            if (msg.done && msg.versionId) {
              done = {
                versionId: msg.versionId,
                corpusSize: msg.corpusSize ?? 0,
                correctionsUsed: msg.correctionsUsed ?? 0,
                evaluation: msg.evaluation ?? null,
              };
            }
          } catch {
            /* not a progress line */
          }
        }
      });
      child.on('exit', (code) => {
        if (this.child === child) this.child = null;
        if (code === 0 && done) return resolve(done);
        this.status = {
          ...this.status,
          state: 'failed',
          message: `Pelatihan gagal (kode ${code}). ${stderr.split('\n').slice(-3).join(' ')}`,
        };
        resolve(null);
      });
    });
  }

  /** Activates a stored version (rollback included). */
  async activate(actor: AuthUser, versionId: string): Promise<void> {
    const v = await ModelVersionModel.findOne({ versionId });
    if (!v) throw notFound('model_version_not_found');
    const model = loadVersionFile(v.file, v.versionId);
    // An older shipped version's file now holds the newer shipped model.
    const stale =
      v.source === 'shipped' && model && `shipped-${model.meta.versionId}` !== versionId;
    if (!model || stale) {
      throw conflict('model_version_unusable');
    }
    await ModelVersionModel.updateMany({ active: true }, { $set: { active: false } });
    await ModelVersionModel.updateOne(
      { _id: v._id },
      { $set: { active: true, activatedAt: new Date() } },
    );
    this.engine.use(model, v.versionId);
    await audit(actor, 'routing.activate', `routing-model:${versionId}`);
  }
}

/** Corrections considered for the live scores of each version (the latest ones). */
const LIVE_WINDOW = 5000;

/** Every version with its stored evaluation and its live scores on corrected inputs. */
export async function listVersions(): Promise<ModelVersion[]> {
  const rows = await ModelVersionModel.find().sort({ createdAt: -1 });
  const corrections = await CorrectionModel.find(
    { 'from.modelVersion': { $ne: null }, 'from.confidence': { $ne: null } },
    { from: 1, to: 1 },
  )
    .sort({ createdAt: -1 })
    .limit(LIVE_WINDOW);
  const byVersion = new Map<string, LiveLabel[]>();
  for (const c of corrections) {
    const v = c.from.modelVersion;
    if (!v || c.from.sector == null || typeof c.from.confidence !== 'number') continue;
    const list = byVersion.get(v) ?? [];
    list.push({ predicted: c.from.sector, confidence: c.from.confidence, chosen: c.to.sector });
    byVersion.set(v, list);
  }
  return rows.map((v) => ({
    versionId: v.versionId,
    source: v.source,
    active: v.active,
    corpusSize: v.corpusSize,
    correctionsUsed: v.correctionsUsed,
    evaluation: v.evaluation ?? null,
    live: liveScores(byVersion.get(v.versionId) ?? []),
    createdAt: v.createdAt.toISOString(),
    activatedAt: v.activatedAt ? v.activatedAt.toISOString() : null,
  }));
}

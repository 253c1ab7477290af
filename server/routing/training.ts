import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TrainingStatus } from '../../shared/schemas/routing';
import type { AuthUser } from '../auth/types';
import { projectRoot } from '../config';
import { entryArgs } from '../lib/runtime';
import { AppError } from '../http/errors';
import { audit } from '../audit/audit.service';
import type { Example } from './classifier/corpus';
import { loadModel } from './classifier/io';
import type { RoutingEngine } from './engine';
import { CorrectionModel, ModelVersionModel } from './routing.models';

/** Runs one training job at a time in a child process and registers the new version. */
export class TrainingManager {
  private status: TrainingStatus = {
    state: 'idle',
    progress: 0,
    message: '',
    startedAt: null,
    versionId: null,
  };

  constructor(
    private readonly engine: RoutingEngine,
    private readonly modelsDir: string,
  ) {}

  get current(): TrainingStatus {
    return { ...this.status };
  }

  /** Corrections become training examples with the label a person chose. */
  async correctionExamples(): Promise<Example[]> {
    const rows = await CorrectionModel.find({}, { text: 1, to: 1 }).sort({ createdAt: 1 });
    const latest = new Map<string, Example>();
    for (const c of rows) {
      latest.set(c.text, {
        text: c.text,
        sector: c.to.sector as Example['sector'],
        serviceCode: c.to.serviceCode ?? null,
      });
    }
    return [...latest.values()];
  }

  /** Starts training; resolves when the job has finished (the HTTP route does not wait). */
  async start(actor: AuthUser): Promise<void> {
    if (this.status.state === 'running') {
      throw new AppError(409, 'conflict', 'Pelatihan model sedang berjalan.');
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
    const model = loadModel(outFile);
    await ModelVersionModel.updateMany({ active: true }, { $set: { active: false } });
    await ModelVersionModel.create({
      versionId: result.versionId,
      file: outFile,
      source: 'trained',
      active: true,
      corpusSize: result.corpusSize,
      correctionsUsed: corrections.length,
      evaluation: result.evaluation,
      createdBy: actor.id,
      activatedAt: new Date(),
    });
    this.engine.use(model, result.versionId);
    this.status = {
      ...this.status,
      state: 'done',
      progress: 100,
      message: `Model ${result.versionId} aktif.`,
      versionId: result.versionId,
    };
  }

  private run(
    examplesFile: string,
    outFile: string,
  ): Promise<{
    versionId: string;
    corpusSize: number;
    evaluation: Record<string, number>;
  } | null> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [...entryArgs('train.job'), examplesFile, outFile], {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let buf = '';
      let done: {
        versionId: string;
        corpusSize: number;
        evaluation: Record<string, number>;
      } | null = null;
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          try {
            const msg = JSON.parse(line) as {
              progress?: number;
              message?: string;
              done?: boolean;
              versionId?: string;
              corpusSize?: number;
              evaluation?: Record<string, number>;
            };
            if (typeof msg.progress === 'number') this.status.progress = msg.progress;
            if (msg.message) this.status.message = msg.message;
            if (msg.done && msg.versionId) {
              done = {
                versionId: msg.versionId,
                corpusSize: msg.corpusSize ?? 0,
                evaluation: msg.evaluation ?? {},
              };
            }
          } catch {
            /* not a progress line */
          }
        }
      });
      child.on('exit', (code) => {
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
    if (!v) throw new AppError(404, 'not_found', 'Versi model tidak ditemukan.');
    const model = loadModel(v.file);
    await ModelVersionModel.updateMany({ active: true }, { $set: { active: false } });
    await ModelVersionModel.updateOne(
      { _id: v._id },
      { $set: { active: true, activatedAt: new Date() } },
    );
    this.engine.use(model, v.versionId);
    await audit(actor, 'routing.activate', `routing-model:${versionId}`);
  }
}

export async function listVersions() {
  const rows = await ModelVersionModel.find().sort({ createdAt: -1 });
  return rows.map((v) => ({
    versionId: v.versionId,
    source: v.source,
    active: v.active,
    corpusSize: v.corpusSize,
    correctionsUsed: v.correctionsUsed,
    evaluation: v.evaluation,
    createdAt: v.createdAt.toISOString(),
    activatedAt: v.activatedAt ? v.activatedAt.toISOString() : null,
  }));
}

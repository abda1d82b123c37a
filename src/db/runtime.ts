import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config';
import { log } from '../log';

/** Where neo4j/pom.xml copies the Neo4j server's jars (git-ignored). */
export const NEO4J_DIR = path.join(ROOT, 'neo4j');
export const RUNTIME_LIB = path.join(NEO4J_DIR, 'runtime', 'lib');
const STAMP = path.join(NEO4J_DIR, 'runtime', '.resolved-from');

export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Java 17+ is the only thing Neo4j 5 needs from the machine; say so in one sentence when it is missing. */
export function checkJava(): void {
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const res = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw new RuntimeError(
      'Java 17 or newer is needed to run the local Neo4j: install it (e.g. `apt-get install openjdk-17-jre-headless`) or set NEO4J_URI to an existing Neo4j.',
    );
  }
  const match = /version "(\d+)/.exec(res.stderr);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new RuntimeError(`Neo4j 5 needs Java 17 or newer, found Java ${major || 'unknown'}: install Java 17 or set NEO4J_URI.`);
  }
}

export function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Resolves the Neo4j server from Maven Central with neo4j/pom.xml, once: the jars land in
 * neo4j/runtime/lib and a stamp records which pom produced them, so a version bump re-resolves.
 */
export function ensureRuntime(): string {
  const pom = fs.readFileSync(path.join(NEO4J_DIR, 'pom.xml'), 'utf8');
  const wanted = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1] ?? 'unknown';
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim() === wanted && fs.existsSync(RUNTIME_LIB)) {
    return RUNTIME_LIB;
  }
  checkJava();
  if (!which('mvn')) {
    throw new RuntimeError(
      'Maven is needed once to fetch the Neo4j server from Maven Central: install it (e.g. `apt-get install maven`) or set NEO4J_URI to an existing Neo4j.',
    );
  }
  log.info('resolving the Neo4j server from Maven Central', { version: wanted });
  const started = Date.now();
  fs.rmSync(path.join(NEO4J_DIR, 'runtime'), { recursive: true, force: true });
  const res = spawnSync('mvn', ['-q', '-B', '-f', path.join(NEO4J_DIR, 'pom.xml'), 'package'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (res.status !== 0) {
    const tail = `${res.stdout}\n${res.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new RuntimeError(`Maven could not resolve Neo4j ${wanted} (mvn exited ${res.status}):\n${tail}`);
  }
  fs.writeFileSync(STAMP, wanted + '\n');
  log.info('Neo4j server resolved', { version: wanted, ms: Date.now() - started });
  return RUNTIME_LIB;
}

/**
 * Where one version of a design is read from: a file on disk or a git
 * revision. `resolveDesignSources` turns the two arguments of `diff` into
 * plain specs (they cross into a worker thread); `openDesignSource` gives the
 * loader a host for a spec.
 */
import { existsSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import type { DesignHost } from '../model/load.js';
import { fileSize, repositoryPrefix, resolveCommit } from './git.js';
import { gitHost } from './git-host.js';
import { nodeHost, toDesignPath } from './node-host.js';

export type DesignSourceSpec =
  | { kind: 'file'; path: string }
  | { kind: 'git'; revision: string; commit: string; prefix: string; cwd: string; path: string };

export interface DesignSource {
  /** As shown to the user: the file, or `REV:PATH` as git names it. */
  label: string;
  /** The loader's path of the entry file (relative to the working folder). */
  path: string;
  host: DesignHost;
  /** How a file of this version is named in messages. */
  nameFile(file: string): string;
}

/** A mistake in the arguments (unknown revision, missing file): the CLI prints it and exits 2. */
export class DesignSourceError extends Error {}

type Argument =
  | { kind: 'file'; text: string; path: string }
  | { kind: 'revision-path'; text: string; revision: string; path: string }
  | { kind: 'revision'; text: string; revision: string };

/**
 * An existing file wins; then `REV:PATH` (PATH from the repository's top, as in
 * git, unless it starts with ./ or ../); then a bare revision, which takes the
 * other argument's path (`archwright.yaml` when both are bare revisions).
 */
export function resolveDesignSources(oldArg: string, newArg: string, cwd: string): [DesignSourceSpec, DesignSourceSpec] {
  const args = [oldArg, newArg].map((text): Argument => {
    if (existsSync(text)) return { kind: 'file', text, path: text };
    const colon = text.indexOf(':');
    if (colon > 0) return { kind: 'revision-path', text, revision: text.slice(0, colon), path: text.slice(colon + 1) };
    return { kind: 'revision', text, revision: text };
  });
  const fileSpec = (path: string): DesignSourceSpec => ({ kind: 'file', path: toDesignPath(path) });
  if (args[0].kind === 'file' && args[1].kind === 'file') return [fileSpec(args[0].path), fileSpec(args[1].path)];

  const prefix = repositoryPrefix(cwd);
  if (prefix === undefined) {
    const arg = args.find((a) => a.kind !== 'file')!;
    throw new DesignSourceError(`"${arg.text}" is not a file, and ${cwd} is not inside a git repository, so it cannot be a revision`);
  }
  const working = (path: string) => (/^\.\.?\//.test(path) ? toDesignPath(path) : posix.relative(prefix.replace(/\/$/, ''), path) || '.');
  const pathOf = (arg: Argument) => (arg.kind === 'file' ? toDesignPath(arg.path) : arg.kind === 'revision-path' ? working(arg.path) : undefined);

  return args.map((arg, i): DesignSourceSpec => {
    if (arg.kind === 'file') return fileSpec(arg.path);
    const commit = resolveCommit(arg.revision, cwd);
    if (!commit) {
      throw new DesignSourceError(arg.kind === 'revision'
        ? `"${arg.text}" is neither a file nor a git revision`
        : `unknown git revision "${arg.revision}" in "${arg.text}"`);
    }
    const spec: DesignSourceSpec = { kind: 'git', revision: arg.revision, commit, prefix, cwd, path: pathOf(arg) ?? pathOf(args[1 - i]) ?? 'archwright.yaml' };
    const host = gitHost(commit, cwd, prefix);
    if (!host.exists(spec.path)) {
      throw new DesignSourceError(`${arg.revision}:${host.repositoryPath(spec.path) ?? spec.path} does not exist (no ${spec.path} at that revision)`);
    }
    return spec;
  }) as [DesignSourceSpec, DesignSourceSpec];
}

export function openDesignSource(spec: DesignSourceSpec): DesignSource {
  if (spec.kind === 'file') return { label: spec.path, path: spec.path, host: nodeHost, nameFile: (file) => file };
  const host = gitHost(spec.commit, spec.cwd, spec.prefix);
  const nameFile = (file: string) => `${spec.revision}:${host.repositoryPath(file) ?? file}`;
  return { label: nameFile(spec.path), path: spec.path, host, nameFile };
}

/** Bytes of the entry file, to judge whether loading it is worth a thread of its own. */
export function entrySize(spec: DesignSourceSpec): number {
  try {
    if (spec.kind === 'file') return statSync(spec.path).size;
    const inRepo = gitHost(spec.commit, spec.cwd, spec.prefix).repositoryPath(spec.path);
    return inRepo === undefined ? 0 : fileSize(spec.commit, inRepo, spec.cwd);
  } catch {
    return 0;
  }
}

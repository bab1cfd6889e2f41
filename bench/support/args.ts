// `--name value` and `--flag` command-line options for the bench scripts.
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  return value === undefined || value.startsWith('--') ? fallback : value;
}

export function numberOption(name: string, fallback: number): number {
  const raw = option(name, String(fallback));
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got ${raw}`);
  return value;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

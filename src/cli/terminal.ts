/**
 * What pgform writes for a person at a terminal: progress of the slow phases on stderr, and colour
 * for hazards and drift on stdout. Progress is silenced by `--quiet`; colour is off with NO_COLOR,
 * or when the stream is not a terminal (files and pipes get plain text).
 */
let quiet = false;

export function setQuiet(value: boolean): void {
  quiet = value;
}

export function isQuiet(): boolean {
  return quiet;
}

/** Whether text for `stream` may carry colour (https://no-color.org). */
export function colourOn(stream: NodeJS.WriteStream): boolean {
  const noColor = process.env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === '') && process.env.TERM !== 'dumb';
}

const paint = (code: string, text: string): string => `\x1b[${code}m${text}\x1b[0m`;

/** A SQL or markdown plan for stdout: the hazard lines (not `hazards: none`) in bold red. */
export function colourHazards(text: string): string {
  if (!colourOn(process.stdout)) return text;
  let inHazards = false;
  return text
    .split('\n')
    .map((line) => {
      const starts = /hazards?:/i.test(line) && !/hazards?:\s*none\b/i.test(line);
      // Further hazards of a step follow on comment lines indented under the first (render-sql's HAZARD_INDENT).
      inHazards = starts || (inHazards && /^-- {6,}\S/.test(line));
      return inHazards ? paint('1;31', line) : line;
    })
    .join('\n');
}

/** A drift report for stdout: `-` lines (as in the database) red, `+` lines (as wanted) green, heads bold. */
export function colourDrift(text: string): string {
  if (!colourOn(process.stdout)) return text;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s+- /.test(line)) return paint('31', line);
      if (/^\s+\+ /.test(line)) return paint('32', line);
      if (/^(drift|no drift):/.test(line)) return paint('1', line);
      return line;
    })
    .join('\n');
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Phases quicker than this print nothing (without a terminal: a line once they took longer). */
const SHOW_AFTER_MS = 1000;

interface Phase {
  readonly label: string;
  readonly started: number;
  announced: boolean;
}

const phases: Phase[] = [];
let spinner: NodeJS.Timeout | null = null;
let frame = 0;

function drawSpinner(): void {
  const top = phases[phases.length - 1];
  if (!top) return;
  const secs = ((performance.now() - top.started) / 1000).toFixed(0);
  process.stderr.write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} ${top.label} (${secs} s)`);
}

/** Clears the spinner's line before other text goes to stderr (it is drawn again on its next tick). */
export function clearStatusLine(): void {
  if (spinner !== null) process.stderr.write('\r\x1b[K');
}

function clearSpinner(): void {
  if (spinner !== null) {
    clearInterval(spinner);
    spinner = null;
    process.stderr.write('\r\x1b[K');
  }
}

/**
 * Starts a phase that may take a while; call the returned function when it ends. On a terminal a
 * spinner names the innermost running phase; otherwise a line says when a phase ran over a second.
 * Works for synchronous phases too (the line is then written at the end).
 */
export function showPhase(label: string): () => void {
  if (quiet) return () => undefined;
  const phase: Phase = { label, started: performance.now(), announced: false };
  phases.push(phase);
  const tty = process.stderr.isTTY === true;
  let timer: NodeJS.Timeout | null = null;
  if (tty) {
    // Drawn at once: a synchronous phase blocks the timer until it ends.
    drawSpinner();
    if (spinner === null) {
      spinner = setInterval(drawSpinner, 100);
      spinner.unref();
    }
  } else {
    timer = setTimeout(() => {
      phase.announced = true;
      process.stderr.write(`${label} ...\n`);
    }, SHOW_AFTER_MS);
    timer.unref();
  }
  return () => {
    if (timer !== null) clearTimeout(timer);
    const i = phases.indexOf(phase);
    if (i < 0) return;
    phases.splice(i, 1);
    const ms = performance.now() - phase.started;
    if (tty) {
      if (phases.length === 0) clearSpinner();
    } else if (phase.announced || ms >= SHOW_AFTER_MS) {
      process.stderr.write(`${label}: done in ${(ms / 1000).toFixed(1)} s\n`);
    }
  };
}

// Numbers written as Python source, for the PyTorch export: each literal reads
// back in Python to exactly the double Epoch Lab computed with.

const NUMBERS_PER_LINE = 6;

/** A Python float literal that reads back to exactly this double (String(x) is the shortest round-trip form). */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "float('-inf')";
  // Python needs a dot or exponent to read "2" as a float in every context where it matters (torch.tensor(2) is an integer tensor).
  const text = Object.is(x, -0) ? '-0.0' : String(x);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** `+ 0.5` or `- 0.5`, for readable formulas. */
export function plusOrMinus(x: number): string {
  return x < 0 ? `- ${pythonFloat(-x)}` : `+ ${pythonFloat(x)}`;
}

/** `name = torch.tensor([...])`, a few exact numbers per line, under a comment saying what they are. */
export function tensorLiteral(name: string, values: Float64Array, comment: string): string[] {
  const lines = [`# ${comment}`, `${name} = torch.tensor([`];
  for (let i = 0; i < values.length; i += NUMBERS_PER_LINE) {
    const row: string[] = [];
    for (let j = i; j < Math.min(i + NUMBERS_PER_LINE, values.length); j++) row.push(pythonFloat(values[j]));
    lines.push(`    ${row.join(', ')},`);
  }
  lines.push('])');
  return lines;
}

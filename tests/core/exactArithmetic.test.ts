// A link reproduces a run bit for bit in every engine only if everything a run,
// its export and its captions contain is computed with operations IEEE 754
// rounds exactly (+ − × ÷ √, comparisons, integer ops). Math.log, exp, pow,
// hypot, sin, cbrt, … are each engine's own approximation and differ in the
// last bit between V8, SpiderMonkey and JavaScriptCore. This test reads the
// source with the TypeScript compiler and lists every Math member, every `**`
// and every d3 function the core uses, and refuses the inexact ones.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
/** Everything a run or its export contains, and the sentences the page says about it. */
const SCANNED_DIRS = ['src/core', 'src/panels/captions'];

/** Exactly rounded (or exact) everywhere, by the ECMAScript spec: the same double in every engine. */
const EXACT_MATH = new Set(['abs', 'ceil', 'clz32', 'floor', 'fround', 'imul', 'max', 'min', 'round', 'sign', 'sqrt', 'trunc']);
/** Constants: one fixed double each. */
const MATH_CONSTANTS = new Set(['E', 'LN10', 'LN2', 'LOG10E', 'LOG2E', 'PI', 'SQRT1_2', 'SQRT2']);
/** The project's own replacements, built from exact operations only (and scanned with the rest of src/core). */
const PORTABLE_FUNCTIONS = ['src/core/portableLog.ts: portableLog', 'src/core/portableHypot.ts: portableHypot'];

/**
 * d3 functions the core may call: each is read from the installed package and
 * checked by the same rules (below). Math.random appears in them only as the
 * unseeded default, which the core always replaces with its seeded source.
 */
const D3_ALLOWED: Record<string, readonly string[]> = {
  'd3-random': ['randomInt', 'randomLcg', 'randomUniform'],
  'd3-array': ['shuffler'],
};

interface Finding {
  where: string;
  what: string;
}

interface Scan {
  /** Every Math member used, e.g. 'sqrt', sorted. */
  math: string[];
  /** Uses that are refused. */
  refused: Finding[];
  /** d3 imports: module → named imports. */
  d3: Map<string, string[]>;
}

function isNumericLiteral(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isNumericLiteral(node)) return true;
  return ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken) && isNumericLiteral(node.operand);
}

/** Scans one source text (TypeScript or JavaScript) by the rules; `allowMath` adds members allowed in this text only. */
function scanSource(fileName: string, text: string, allowMath: ReadonlySet<string> = new Set(), root?: (source: ts.SourceFile) => ts.Node[]): Scan {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const math = new Set<string>();
  const refused: Finding[] = [];
  const d3 = new Map<string, string[]>();
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;

  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'Math') {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        const name = parent.name.text;
        math.add(name);
        if (!EXACT_MATH.has(name) && !MATH_CONSTANTS.has(name) && !allowMath.has(name)) {
          refused.push({ where: where(node), what: `Math.${name} is not exactly rounded: its last bit differs between engines` });
        }
      } else if (!(ts.isPropertyAccessExpression(parent) && parent.name === node)) {
        // Math['log'], const { log } = Math, const M = Math: the member cannot be checked.
        refused.push({ where: where(node), what: `Math used other than as Math.name: ${parent.getText(source).slice(0, 60)}` });
      }
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.AsteriskAsteriskEqualsToken) {
        refused.push({ where: where(node), what: `**= is Math.pow in disguise: ${node.getText(source).slice(0, 60)}` });
      } else if (op === ts.SyntaxKind.AsteriskAsteriskToken && !(isNumericLiteral(node.left) && isNumericLiteral(node.right))) {
        refused.push({ where: where(node), what: `** with a non-literal operand is Math.pow in disguise: ${node.getText(source).slice(0, 60)}` });
      }
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const module = node.moduleSpecifier.text;
      if (/^d3(-|$)/.test(module)) {
        const names: string[] = [];
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        const bindings = clause?.namedBindings;
        if (ts.isImportDeclaration(node) && (clause?.name || (bindings && ts.isNamespaceImport(bindings)))) {
          refused.push({ where: where(node), what: `a default or namespace import of ${module} cannot be checked: import named functions` });
        }
        if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
        if (ts.isExportDeclaration(node)) refused.push({ where: where(node), what: `re-exporting ${module} cannot be checked` });
        d3.set(module, [...(d3.get(module) ?? []), ...names]);
        for (const name of names) {
          if (!(D3_ALLOWED[module] ?? []).includes(name)) refused.push({ where: where(node), what: `${module}'s ${name} is not on the allow-list of checked d3 functions` });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const node of root ? root(source) : [source]) visit(node);
  return { math: [...math].sort(), refused, d3 };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

function scanProject(): Scan {
  const all: Scan = { math: [], refused: [], d3: new Map() };
  const math = new Set<string>();
  for (const dir of SCANNED_DIRS) {
    for (const file of sourceFiles(dir)) {
      const scan = scanSource(file, readFileSync(join(ROOT, file), 'utf8'));
      for (const name of scan.math) math.add(name);
      all.refused.push(...scan.refused);
      for (const [module, names] of scan.d3) all.d3.set(module, [...new Set([...(all.d3.get(module) ?? []), ...names])].sort());
    }
  }
  all.math = [...math].sort();
  return all;
}

/** The declaration of an exported name in a bundled ES module: the export alias resolved to its local function or variable. */
function exportedDeclarations(name: string): (source: ts.SourceFile) => ts.Node[] {
  return (source) => {
    let local = name;
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) if (element.name.text === name) local = (element.propertyName ?? element.name).text;
      }
    }
    const found: ts.Node[] = [];
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === local) found.push(statement);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name) && declaration.name.text === local) found.push(declaration);
      }
    }
    return found;
  };
}

/** The file the bundler takes for the package (its "default" export, which is what the core runs). */
function moduleEntry(module: string): string {
  return createRequire(join(ROOT, 'package.json')).resolve(module);
}

describe('only exactly rounded arithmetic in what a run, its export and its captions contain', () => {
  const project = scanProject();

  it('uses no Math function but the exactly rounded ones in src/core and src/panels/captions', () => {
    expect(project.refused.map((f) => `${f.where}: ${f.what}`)).toEqual([]);
    // The list, for the record (and so a new member is a conscious change): all of them exactly rounded.
    expect(project.math.filter((name) => !EXACT_MATH.has(name) && !MATH_CONSTANTS.has(name))).toEqual([]);
    expect(project.math).toContain('sqrt');
  });

  it('imports only allow-listed d3 functions, and those pass the same check in the installed package', () => {
    for (const [module, names] of project.d3) {
      for (const name of names) expect(D3_ALLOWED[module] ?? [], `${module} ${name}`).toContain(name);
    }
    for (const [module, names] of Object.entries(D3_ALLOWED)) {
      const file = moduleEntry(module);
      const text = readFileSync(file, 'utf8');
      for (const name of names) {
        const declarations = exportedDeclarations(name)(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
        expect(declarations.length, `${module} declares ${name}`).toBeGreaterThan(0);
        const scan = scanSource(`${module}:${name}`, text, new Set(['random']), exportedDeclarations(name));
        expect(scan.refused.map((f) => `${f.where}: ${f.what}`), `${module} ${name}`).toEqual([]);
      }
    }
  });

  it('the portable replacements exist where the allow-list says', () => {
    for (const entry of PORTABLE_FUNCTIONS) {
      const [file, name] = entry.split(': ');
      expect(readFileSync(join(ROOT, file), 'utf8')).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });

  it('the check refuses what it should: inexact Math, Math.pow in disguise, aliases of Math and unlisted d3', () => {
    const bad = [
      "import { randomNormal } from 'd3-random';",
      "import * as d3 from 'd3-array';",
      'const a = Math.hypot(1, 2) + Math.log(3) + Math.exp(1) + Math.pow(2, 3) + Math.cbrt(8) + Math.sin(1);',
      'const b = x ** 2 + 2 ** y + (-2) ** 3;',
      'let c = 2; c **= 3;',
      "const { log } = Math; const m = Math['exp']; const M = Math;",
    ].join('\n');
    const scan = scanSource('bad.ts', bad);
    const what = scan.refused.map((f) => f.what.split(':')[0]);
    expect(what).toEqual([
      "d3-random's randomNormal is not on the allow-list of checked d3 functions",
      'a default or namespace import of d3-array cannot be checked',
      ...['hypot', 'log', 'exp', 'pow', 'cbrt', 'sin'].map((name) => `Math.${name} is not exactly rounded`),
      '** with a non-literal operand is Math.pow in disguise',
      '** with a non-literal operand is Math.pow in disguise',
      '**= is Math.pow in disguise',
      'Math used other than as Math.name',
      'Math used other than as Math.name',
      'Math used other than as Math.name',
    ]);
    const good = scanSource('good.ts', "import { randomLcg } from 'd3-random';\nconst a = Math.sqrt(2) * Math.PI + 2 ** -1022 + (2 ** 32) + x * x;");
    expect(good.refused).toEqual([]);
    expect(good.math).toEqual(['PI', 'sqrt']);
  });
});

import { escapePointerToken, parsePointer, type Diagnostic } from './diagnostic.js';
import { parseJsonText, parseYamlText, type ParsedText } from './document.js';
import { duplicateKeyFinding, toDiagnostic, type RawFinding } from './findings.js';
import {
  intrinsicName,
  intrinsicPointers,
  joinParts,
  placeholderOccurrences,
  replaceIntrinsics,
  unescapeSub,
  unsubstitutedPlaceholders,
  type UnsubstitutedPlaceholder,
} from './placeholders.js';
import type { LoadedDefinition, LoadOptions } from './source.js';
import { LineIndex, NO_SOURCE_MAP, TableSourceMap, valueOffsetOf, type OffsetMapper } from './source-map.js';

/**
 * State machines in CloudFormation and SAM templates: every
 * AWS::StepFunctions::StateMachine and AWS::Serverless::StateMachine
 * resource, from Definition, DefinitionString or a local DefinitionUri.
 */

const STEP_FUNCTIONS = 'AWS::StepFunctions::StateMachine';
const SERVERLESS = 'AWS::Serverless::StateMachine';

/** A document is a template when it has what only templates have. */
export function isTemplate(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isObject(value['Resources'])) return true;
  if ('AWSTemplateFormatVersion' in value) return true;
  const transform = value['Transform'];
  const transforms = Array.isArray(transform) ? transform : [transform];
  return transforms.some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless'));
}

export interface ExtractedMachines {
  definitions: LoadedDefinition[];
  diagnostics: Diagnostic[];
  definitionFiles?: Record<string, string>;
}

/** `template` must have parsed (template.ok). */
export function extractStateMachines(template: ParsedText, options: LoadOptions): ExtractedMachines {
  const definitions: LoadedDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  const definitionFiles = new Map<string, string>();
  const file = options.filename;
  const lines = template.fromObject ? undefined : template.lines;
  /** Findings inside a machine name it as the linter does the machine's own: `file#Resource`. */
  const report = (finding: RawFinding, machineFile: string | undefined, toSource: OffsetMapper = (o) => o): void => {
    diagnostics.push(toDiagnostic(finding, lines, toSource, machineFile));
  };
  const at = (pointer: string): number => {
    const packed = template.positions().get(pointer);
    return packed === undefined ? 0 : valueOffsetOf(packed);
  };
  const note = (severity: 'error' | 'warning', message: string, pointer: string): void => {
    // The position is the template's: pointer '' as no definition exists yet.
    report({ ruleId: 'parse', severity, message, pointer: '', offset: at(pointer), placeInMessage: false }, file);
  };

  const resources = isObject(template.value) ? template.value['Resources'] : undefined;
  // Where each template machine's Definition sits, and the file its findings name.
  const definitionPrefixes: [string, string][] = [];
  let machines = 0;
  const defaults = parameterDefaults(template.value);
  if (isObject(resources)) {
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isObject(resource)) continue;
      const type = resource['Type'];
      if (type !== STEP_FUNCTIONS && type !== SERVERLESS) continue;
      machines++;
      const machineFile = file === undefined ? logicalId : `${file}#${logicalId}`;
      const resourcePointer = `/Resources/${escapePointerToken(logicalId)}`;
      const properties = resource['Properties'];
      const base = `${resourcePointer}/Properties`;
      if (!isObject(properties)) {
        note('error', `State machine resource '${logicalId}' has no Properties`, resourcePointer);
        continue;
      }
      const machine: Pick<LoadedDefinition, 'resourceName' | 'stateMachineType' | 'substitutions'> = { resourceName: logicalId };
      const declaredType = properties[type === STEP_FUNCTIONS ? 'StateMachineType' : 'Type'];
      if (declaredType === 'STANDARD' || declaredType === 'EXPRESS') machine.stateMachineType = declaredType;
      const substitutions = substitutionValues(properties['DefinitionSubstitutions']);
      // CloudFormation substitutes `${X}` outside Fn::Sub only when DefinitionSubstitutions maps X.
      const mapped = new Set(substitutions.keys());
      if (mapped.size > 0) {
        const values = deployValues(substitutions, defaults);
        machine.substitutions = Object.fromEntries([...mapped].map((name) => [name, values.get(name)]));
      }
      const literal = unsubstitutedMessage(logicalId, properties['DefinitionSubstitutions']);

      if ('Definition' in properties) {
        const prefix = `${base}/Definition`;
        definitionPrefixes.push([prefix, machineFile]);
        // Most templates write no `${` at all: then there is nothing to look for.
        const unsubstituted = template.fromObject || template.text.includes('${')
          ? unsubstitutedPlaceholders(properties['Definition'], (name) => !mapped.has(name))
          : [];
        for (const placeholder of unsubstituted) {
          const offset = template.stringMapper(prefix + placeholder.textPointer)?.(placeholder.index) ?? at(prefix + placeholder.pointer);
          report(literal(placeholder, offset), machineFile);
        }
        // An intrinsic function's value is known once deployed. A `${X}` here is not bare: CloudFormation
        // writes the Definition object out as JSON, where it is a string, before it substitutes.
        const placeholders = new Set(intrinsicPointers(properties['Definition']));
        definitions.push({
          ...machine,
          definition: replaceIntrinsics(properties['Definition']),
          sourceMap: lines === undefined ? NO_SOURCE_MAP : new TableSourceMap(template.positions, lines, prefix, undefined, template.stringMapper),
          ...placeholdersOf(placeholders),
        });
      } else if ('DefinitionString' in properties) {
        const written = properties['DefinitionString'];
        if (typeof written !== 'string' && !(isObject(written) && intrinsicName(written) !== undefined)) {
          note('error', `DefinitionString of '${logicalId}' must be the definition as JSON text, not ${describe(written)}`, `${base}/DefinitionString`);
          continue;
        }
        const text = definitionText(template, `${base}/DefinitionString`, written, substitutions, mapped);
        if (text === undefined) {
          note(
            'warning',
            `DefinitionString of '${logicalId}' is built by an intrinsic function that cannot be read without deploying; it is not checked`,
            `${base}/DefinitionString`,
          );
          continue;
        }
        const parsed = parseJsonText(text.text, { values: deployValues(substitutions, defaults), substituted: text.substituted });
        for (const finding of parsed.findings) report(finding, machineFile, text.toSource);
        if (!parsed.ok) continue;
        const literalNames = new Set(
          placeholderOccurrences(text.text)
            .filter(({ name, offset }) => !text.substituted(name, offset))
            .map(({ name }) => name),
        );
        if (literalNames.size > 0) {
          for (const placeholder of unsubstitutedPlaceholders(parsed.value, (name) => literalNames.has(name))) {
            const offset = parsed.stringMapper(placeholder.textPointer)?.(placeholder.index) ?? 0;
            report(literal(placeholder, offset), machineFile, text.toSource);
          }
        }
        definitions.push({
          ...machine,
          definition: parsed.value,
          sourceMap: lines === undefined ? NO_SOURCE_MAP : new TableSourceMap(parsed.positions, lines, '', text.toSource, parsed.stringMapper),
          ...placeholdersOf(parsed.placeholders),
        });
      } else if ('DefinitionUri' in properties && type === SERVERLESS) {
        const uri = properties['DefinitionUri'];
        const uriPointer = `${base}/DefinitionUri`;
        if (typeof uri !== 'string' || uri.startsWith('s3://')) {
          note('warning', `DefinitionUri of '${logicalId}' is in S3; it is not checked`, uriPointer);
          continue;
        }
        if (options.readFile === undefined) {
          note('warning', `DefinitionUri '${uri}' of '${logicalId}' is a local file and no readFile option was given to read it; it is not checked`, uriPointer);
          continue;
        }
        const content = readQuietly(options.readFile, uri);
        if (typeof content !== 'string') {
          note('error', `Cannot read DefinitionUri '${uri}' of '${logicalId}': ${content.reason}`, uriPointer);
          continue;
        }
        const definitionFile = relativeTo(file, uri);
        definitionFiles.set(definitionFile, logicalId);
        const loaded = loadDefinitionFile(content, uri, definitionFile, substitutions, deployValues(substitutions, defaults), literal);
        diagnostics.push(...loaded.diagnostics);
        if (loaded.definition) definitions.push({ ...machine, ...loaded.definition, file: definitionFile });
      } else if ('DefinitionS3Location' in properties) {
        note(
          'warning',
          `DefinitionS3Location of '${logicalId}' is in S3; it is not checked`,
          `${base}/DefinitionS3Location`,
        );
      } else {
        const fields = type === STEP_FUNCTIONS ? 'Definition, DefinitionString or DefinitionS3Location' : 'Definition or DefinitionUri';
        note('error', `State machine resource '${logicalId}' has none of ${fields}`, base);
      }
    }
  }

  if (machines === 0) {
    const looksLikeDefinition = isObject(template.value) && 'States' in template.value;
    const message = `No ${STEP_FUNCTIONS} or ${SERVERLESS} resource found in the template${
      looksLikeDefinition ? `; this looks like a state machine definition, not a template` : ''
    }`;
    note('error', message, isObject(resources) ? '/Resources' : '');
  }

  // Findings of the template parse: relative to the definition they fall in, named by its machine.
  // A key repeated outside every definition: CloudFormation deploys the template with the last one.
  const kept = new Map<string, number>();
  for (const finding of template.findings) if (finding.ruleId === 'no-duplicate-keys') kept.set(finding.pointer, finding.offset);
  const templateFindings = template.findings.map((finding) => {
    const machine = definitionPrefixes.find(([p]) => finding.pointer.startsWith(p + '/'));
    if (machine === undefined && finding.ruleId === 'no-duplicate-keys') {
      const keptOffset = kept.get(finding.pointer) ?? finding.offset;
      const keptLine = keptOffset === finding.offset ? undefined : lines?.position(keptOffset).line;
      return toDiagnostic(templateDuplicateKey(finding, keptOffset === finding.offset, keptLine), lines, (o) => o, file);
    }
    return toDiagnostic(relativeFinding(finding, machine?.[0]), lines, (o) => o, machine?.[1] ?? file);
  });
  const extracted: ExtractedMachines = { definitions, diagnostics: [...templateFindings, ...diagnostics] };
  if (definitionFiles.size > 0) extracted.definitionFiles = Object.fromEntries(definitionFiles);
  return extracted;
}

/**
 * CloudFormation accepts a template with a key written twice and reads the last one, so outside
 * a state machine definition a repeated key is a warning naming the one that counts.
 */
function templateDuplicateKey(finding: RawFinding, isKept: boolean, keptLine: number | undefined): RawFinding {
  const tokens = parsePointer(finding.pointer);
  const key = tokens.pop() as string;
  const object = tokens.length === 0 ? '/' : tokens.map((t) => '/' + escapePointerToken(t)).join('');
  const which = isKept ? 'this one, the last' : keptLine === undefined ? 'the last one' : `the last one, at line ${keptLine}`;
  return {
    ...finding,
    severity: 'warning',
    pointer: '',
    placeInMessage: false,
    message: `Duplicate key '${key}' in ${object}; CloudFormation deploys the template with ${which}, and ignores the earlier`,
  };
}

function relativeFinding(finding: RawFinding, prefix: string | undefined): RawFinding {
  if (prefix === undefined) return { ...finding, pointer: '' };
  const relative = finding.pointer.slice(prefix.length);
  if (finding.ruleId !== 'no-duplicate-keys') return { ...finding, pointer: relative };
  const tokens = parsePointer(relative);
  const key = tokens.pop() as string;
  return duplicateKeyFinding(key, tokens.map((t) => '/' + escapePointerToken(t)).join(''), finding.offset);
}

interface DefinitionText {
  text: string;
  toSource: OffsetMapper;
  /** Whether CloudFormation substitutes the `${name}` at this offset of the text. */
  substituted(name: string, offset: number): boolean;
}

/** The JSON text of a DefinitionString and where each of its characters sits in the template. */
function definitionText(
  template: ParsedText,
  pointer: string,
  value: unknown,
  substitutions: Map<string, unknown>,
  mapped: ReadonlySet<string>,
): DefinitionText | undefined {
  const positionOf = (p: string): number => {
    const packed = template.positions().get(p);
    return packed === undefined ? 0 : valueOffsetOf(packed);
  };
  const byDefinitionSubstitutions = (name: string): boolean => mapped.has(name);
  const stringAt = (p: string, text: string): DefinitionText => {
    const mapper = template.stringMapper(p);
    const start = positionOf(p);
    return { text, toSource: mapper ?? (() => start), substituted: byDefinitionSubstitutions };
  };
  // Fn::Sub substitutes every `${X}` (parameters, resources, attributes, pseudo parameters,
  // its own variables); its `${!X}` is a literal `${X}` that only DefinitionSubstitutions may map.
  const subAt = (p: string, text: string): DefinitionText => {
    const raw = stringAt(p, text);
    const unescaped = unescapeSub(text);
    return {
      text: unescaped.text,
      toSource: (offset) => raw.toSource(unescaped.toOriginal(offset)),
      substituted: (name, offset) => !unescaped.escaped.has(offset) || mapped.has(name),
    };
  };
  if (typeof value === 'string') return stringAt(pointer, value);
  if (!isObject(value)) return undefined;
  const name = intrinsicName(value);
  const argument = name === undefined ? undefined : value[name];
  if (name === 'Fn::Sub') {
    if (typeof argument === 'string') return subAt(`${pointer}/Fn::Sub`, argument);
    if (Array.isArray(argument) && typeof argument[0] === 'string') {
      for (const [key, v] of substitutionValues(argument[1])) substitutions.set(key, v);
      return subAt(`${pointer}/Fn::Sub/0`, argument[0]);
    }
    return undefined;
  }
  if (name === 'Fn::Join') {
    const parts = joinParts(argument);
    if (parts === undefined) return undefined;
    // Pieces of the joined text: [start in text, mapper for offsets within the piece, whether
    // its placeholders are substituted whatever DefinitionSubstitutions says (intrinsic parts)].
    const pieces: [number, OffsetMapper, boolean][] = [];
    let text = '';
    const delimiter = stringAt(`${pointer}/Fn::Join/0`, parts.delimiter);
    parts.texts.forEach((part, index) => {
      if (index > 0) {
        pieces.push([text.length, delimiter.toSource, false]);
        text += parts.delimiter;
      }
      const partPointer = `${pointer}/Fn::Join/1/${index}`;
      const raw = (argument as [unknown, unknown[]])[1][index];
      const literal = typeof raw === 'string';
      pieces.push([text.length, literal ? stringAt(partPointer, part).toSource : constant(positionOf(partPointer)), !literal]);
      text += part;
    });
    const pieceAt = (offset: number): [number, OffsetMapper, boolean] | undefined => {
      let chosen = pieces[0];
      for (const piece of pieces) {
        if (piece[0] <= offset) chosen = piece;
        else break;
      }
      return chosen;
    };
    return {
      text,
      toSource(offset) {
        const chosen = pieceAt(offset);
        return chosen === undefined ? positionOf(pointer) : chosen[1](offset - chosen[0]);
      },
      substituted: (name, offset) => pieceAt(offset)?.[2] === true || mapped.has(name),
    };
  }
  return undefined;
}

function constant(offset: number): OffsetMapper {
  return () => offset;
}

/**
 * The finding for a `${X}` that CloudFormation leaves as it is: AWS receives the literal text,
 * which a Task Resource rejects (it must be an ARN) and anywhere else is most likely a mistake.
 */
function unsubstitutedMessage(
  logicalId: string,
  definitionSubstitutions: unknown,
): (placeholder: UnsubstitutedPlaceholder, offset: number) => RawFinding {
  return ({ name, pointer, inTaskResource }, offset) => {
    const reason =
      definitionSubstitutions === undefined
        ? `'${logicalId}' has no DefinitionSubstitutions`
        : isObject(definitionSubstitutions)
          ? `the DefinitionSubstitutions of '${logicalId}' have no '${name}'`
          : `the DefinitionSubstitutions of '${logicalId}' are not a map`;
    const finding: RawFinding = {
      ruleId: 'unsubstituted-placeholder',
      severity: inTaskResource ? 'error' : 'warning',
      message: `'\${${name}}' is not substituted: ${reason}, so AWS receives it as literal text${inTaskResource ? ', which is not a valid resource ARN' : ''}`,
      pointer,
      offset,
    };
    if (inTaskResource) finding.code = 'SCHEMA_VALIDATION_FAILED';
    return finding;
  };
}

/** The Default of each template parameter that has one. */
function parameterDefaults(template: unknown): Map<string, unknown> {
  const parameters = isObject(template) ? template['Parameters'] : undefined;
  const defaults = new Map<string, unknown>();
  if (!isObject(parameters)) return defaults;
  for (const [name, parameter] of Object.entries(parameters)) {
    if (isObject(parameter) && 'Default' in parameter) defaults.set(name, parameter['Default']);
  }
  return defaults;
}

/**
 * The values a deployment most likely gives each `${X}` that stands outside a JSON string
 * (`"MaxConcurrency": ${Concurrency}`): a substitution as written, a `Ref` to a parameter read
 * as that parameter's Default, and a parameter's Default for Fn::Sub's own `${Parameter}`.
 * Without one, the value is unknown and the placeholder is read as the string "${X}".
 */
function deployValues(substitutions: ReadonlyMap<string, unknown>, defaults: ReadonlyMap<string, unknown>): Map<string, unknown> {
  const values = new Map(defaults);
  for (const [name, value] of substitutions) {
    const ref = isObject(value) && intrinsicName(value) === 'Ref' ? value['Ref'] : undefined;
    values.set(name, typeof ref === 'string' && defaults.has(ref) ? defaults.get(ref) : value);
  }
  return values;
}

/** DefinitionSubstitutions or Fn::Sub variables: name -> value as written (intrinsics stay objects). */
function substitutionValues(value: unknown): Map<string, unknown> {
  return new Map(isObject(value) ? Object.entries(value) : []);
}

/** A SAM DefinitionUri file (JSON or YAML), with findings against that file. */
function loadDefinitionFile(
  content: string,
  uri: string,
  file: string,
  substitutions: Map<string, unknown>,
  values: ReadonlyMap<string, unknown>,
  literal: (placeholder: UnsubstitutedPlaceholder, offset: number) => RawFinding,
): { definition?: Pick<LoadedDefinition, 'definition' | 'sourceMap' | 'placeholders'>; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(content);
  const isLiteral = (name: string): boolean => !substitutions.has(name);
  const unsubstituted = (parsed: ParsedText): RawFinding[] =>
    (content.includes('${') ? unsubstitutedPlaceholders(parsed.value, isLiteral) : []).map((placeholder) =>
      literal(placeholder, parsed.stringMapper(placeholder.textPointer)?.(placeholder.index) ?? 0),
    );
  const parsed = /\.ya?ml$/i.test(uri) ? parseYamlText(content) : parseJsonText(content, { values, substituted: (name) => !isLiteral(name) });
  const findings = parsed.ok ? [...parsed.findings, ...unsubstituted(parsed)] : parsed.findings;
  const diagnostics = findings.map((f) => toDiagnostic(f, lines, (o) => o, file));
  if (!parsed.ok) return { diagnostics };
  return {
    definition: {
      definition: parsed.value,
      sourceMap: new TableSourceMap(parsed.positions, lines, '', undefined, parsed.stringMapper),
      ...placeholdersOf(parsed.placeholders),
    },
    diagnostics,
  };
}

/** LoadedDefinition.placeholders, left out when there are none. */
function placeholdersOf(placeholders: ReadonlySet<string>): Pick<LoadedDefinition, 'placeholders'> {
  return placeholders.size === 0 ? {} : { placeholders };
}

/** The DefinitionUri as the reader of the template would find it: beside the template, `.` and `..` resolved. */
function relativeTo(templateFile: string | undefined, uri: string): string {
  if (templateFile === undefined || uri.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(uri)) return uri;
  const slash = Math.max(templateFile.lastIndexOf('/'), templateFile.lastIndexOf('\\'));
  const joined = slash === -1 ? uri : templateFile.slice(0, slash + 1) + uri;
  const out: string[] = [];
  for (const segment of joined.split(/[\\/]/)) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/** A reader that fails is a file that could not be read, not a crash of the loader. */
function readQuietly(readFile: (path: string) => string | undefined, path: string): string | { reason: string } {
  try {
    return readFile(path) ?? { reason: 'no such file' };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/** What a value is, for a message: `a number (5)`, `an object`, `null`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} (${String(value)})`;
  return `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

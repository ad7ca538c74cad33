import type { RuleModule } from '../rule.js';
import heartbeatLessThanTimeout from './heartbeat-less-than-timeout.js';
import maxDefinitionSize from './max-definition-size.js';
import noConflictingFields from './no-conflicting-fields.js';
import noDuplicateTemplateKeys from './no-duplicate-template-keys.js';
import noExpressUnsupportedResource from './no-express-unsupported-resource.js';
import noFilterInReferencePath from './no-filter-in-reference-path.js';
import noInfiniteLoop from './no-infinite-loop.js';
import noJsonataTopLevelReference from './no-jsonata-top-level-reference.js';
import noLiteralPathValue from './no-literal-path-value.js';
import noMissingTransitionTarget from './no-missing-transition-target.js';
import noReservedVariableName from './no-reserved-variable-name.js';
import noShadowedChoiceRule from './no-shadowed-choice-rule.js';
import noShadowedErrorHandler from './no-shadowed-error-handler.js';
import noUndefinedVariable from './no-undefined-variable.js';
import noUnmatchableError from './no-unmatchable-error.js';
import noUnreachableState from './no-unreachable-state.js';
import noUnsupportedFilter from './no-unsupported-filter.js';
import noUnusedVariable from './no-unused-variable.js';
import noVariableScopeConflict from './no-variable-scope-conflict.js';
import noWaitBeyondMaximum from './no-wait-beyond-maximum.js';
import requireChoiceDefault from './require-choice-default.js';
import requireCsvHeaders from './require-csv-headers.js';
import requireNextOrEnd from './require-next-or-end.js';
import requireTerminalState from './require-terminal-state.js';
import stateNameLength from './state-name-length.js';
import uniqueStateNames from './unique-state-names.js';
import validChoiceRulePaths from './valid-choice-rule-paths.js';
import validErrorCausePath from './valid-error-cause-path.js';
import validErrorEquals from './valid-error-equals.js';
import validIntrinsicFunction from './valid-intrinsic-function.js';
import validJsonataFunction from './valid-jsonata-function.js';
import validJsonataSyntax from './valid-jsonata-syntax.js';
import validJsonataWrapper from './valid-jsonata-wrapper.js';
import validMapLabel from './valid-map-label.js';
import validNumberRange from './valid-number-range.js';
import validPath from './valid-path.js';
import validPayloadTemplate from './valid-payload-template.js';
import validReferencePath from './valid-reference-path.js';
import validStartAt from './valid-start-at.js';
import validStatesAll from './valid-states-all.js';
import validStatesReference from './valid-states-reference.js';
import validStringMatches from './valid-string-matches.js';
import validTaskResource from './valid-task-resource.js';
import validTimestamp from './valid-timestamp.js';
import validVariableName from './valid-variable-name.js';
import validWaitDuration from './valid-wait-duration.js';

/** Every rule, sorted by id. The structure test holds this list equal to the files of this folder. */
export const rules: readonly RuleModule[] = [
  heartbeatLessThanTimeout,
  maxDefinitionSize,
  noConflictingFields,
  noDuplicateTemplateKeys,
  noExpressUnsupportedResource,
  noFilterInReferencePath,
  noInfiniteLoop,
  noJsonataTopLevelReference,
  noLiteralPathValue,
  noMissingTransitionTarget,
  noReservedVariableName,
  noShadowedChoiceRule,
  noShadowedErrorHandler,
  noUndefinedVariable,
  noUnmatchableError,
  noUnreachableState,
  noUnsupportedFilter,
  noUnusedVariable,
  noVariableScopeConflict,
  noWaitBeyondMaximum,
  requireChoiceDefault,
  requireCsvHeaders,
  requireNextOrEnd,
  requireTerminalState,
  stateNameLength,
  uniqueStateNames,
  validChoiceRulePaths,
  validErrorCausePath,
  validErrorEquals,
  validIntrinsicFunction,
  validJsonataFunction,
  validJsonataSyntax,
  validJsonataWrapper,
  validMapLabel,
  validNumberRange,
  validPath,
  validPayloadTemplate,
  validReferencePath,
  validStartAt,
  validStatesAll,
  validStatesReference,
  validStringMatches,
  validTaskResource,
  validTimestamp,
  validVariableName,
  validWaitDuration,
];

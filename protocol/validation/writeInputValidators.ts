/**
 * `node dist/protocol/validation/writeInputValidators.js`: writes the precompiled input validators
 * (validatorCode.ts) beside the compiled validators.js, where getValidator finds them. Run by `npm run build`
 * (scripts/build.js) after tsc; from source (the unit tests) there are none, and Ajv compiles at run time.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { INPUT_VALIDATORS_FILE } from "./validators.js";
import { inputValidatorsCode } from "./validatorCode.js";

// dist/protocol/validation/ -> dist/schema.json, the file schemaDocument.js loads.
writeFileSync(path.join(__dirname, INPUT_VALIDATORS_FILE), inputValidatorsCode("../../schema.json"));

// Validates bodies against JSON Schemas with Ajv (draft 2020-12, formats checked).
// Input (the file named by the first argument): [{"name", "schema", "body"}, ...].
// Output: one line per case, "<name>: valid" or "<name>: invalid: <errors>".
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const { name, schema, body } of cases) {
  const validate = ajv.compile(schema);
  if (validate(body)) {
    console.log(`${name}: valid`);
  } else {
    console.log(`${name}: invalid: ${ajv.errorsText(validate.errors)}`);
  }
}

// Mistakes the generated declarations catch; tests/tests/test_contract.rs asserts tsc's
// exact errors.
import type { LeadError } from "./generated/lead-error";

export function wrong(error: LeadError): string {
  if (error.code === "lead/not-found") {
    return String(error.fieldErrors.length);
  }
  if (error.code === "lead/gone") {
    return "no such code";
  }
  if (error.code === "validation_error") {
    const status: 400 = error.status;
    return String(status);
  }
  return error.placeholders.id;
}

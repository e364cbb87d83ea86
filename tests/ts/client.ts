// A client of the Leads API and of Leadey, written against the declarations generated from
// their catalogues (generated/*.d.ts). tests/tests/test_contract.rs type-checks it with tsc.
import type { FieldError, LeadError, LeadErrorCode } from "./generated/lead-error";
import type { LeadeyError } from "./generated/leadey";

/** What a person sees for each error. The switch is exhaustive: a new code fails here. */
export function describe(error: LeadError): string {
  switch (error.code) {
    case "validation_error":
      return error.fieldErrors.map((f: FieldError) => `${f.path}: ${f.message}`).join("\n");
    case "lead/duplicate-email":
      return `${error.placeholders.email} is already a lead`;
    case "lead/duplicate-emails":
      return error.fieldErrors.map((f: FieldError) => `${f.path}: already a lead`).join("\n");
    case "lead/not-found": {
      const status: 404 = error.status;
      return `no lead ${error.placeholders.id} (${status})`;
    }
    case "auth/missing-api-key":
    case "auth/invalid-api-key": {
      const challenge: "ApiKey" = error.wwwAuthenticate;
      const status: 401 = error.status;
      return `sign in with ${challenge} (${status})`;
    }
    case "auth/read-only-key":
    case "billing/no-credits":
    case "internal_server_error":
      return error.message;
    case "rate_limited":
    case "auth/too-many-failures":
      return `retry in ${error.retryAfter ?? 1} s`;
    case "store/full":
      return error.message;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

/** Whether to retry: decided from the status literal types. */
export function retryable(error: LeadError | LeadeyError): boolean {
  return error.status === 429 || error.status >= 500;
}

/** Leadey's 402 carries details. */
export function credits(error: LeadeyError): unknown {
  return error.code === "payment_required" ? error.details : null;
}

export const known: readonly LeadErrorCode[] = ["lead/not-found", "rate_limited"];

// Redocly lint rules of this project's own conventions. Plain JavaScript,
// since Redocly loads plugins itself. The list of services is read from the
// spec (servers[0].variables.service.enum), the one place a new service is named.

/** Every operation names a service the spec lists, in `x-service`. */
function operationService() {
  let services = [];
  return {
    Root: {
      enter(root) {
        services = root.servers?.[0]?.variables?.service?.enum ?? [];
      },
    },
    Operation: {
      enter(operation, { report, location }) {
        const service = operation["x-service"];
        if (service === undefined) {
          report({ message: "Every operation must name its Huawei Cloud service in `x-service`.", location: location.key() });
        } else if (!services.includes(service)) {
          report({
            message: `\`x-service: ${service}\` is not in the spec's list of services (servers[0].variables.service.enum: ${services.join(", ")}).`,
            location: location.child("x-service"),
          });
        }
      },
    },
  };
}

/** `x-idempotent`, where given, is a boolean: it overrides what the method implies. */
function operationIdempotent() {
  return {
    Operation: {
      enter(operation, { report, location }) {
        const value = operation["x-idempotent"];
        if (value !== undefined && typeof value !== "boolean") {
          report({ message: "`x-idempotent` must be true or false.", location: location.child("x-idempotent") });
        }
      },
    },
  };
}

export default function hwcloudRules() {
  return {
    id: "hwcloud",
    rules: {
      oas3: {
        "operation-service": operationService,
        "operation-idempotent": operationIdempotent,
      },
    },
  };
}

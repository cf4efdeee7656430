/**
 * A TypeDoc plugin for typedoc.config.mjs: the fields of the hand-written public types (client
 * options, errors, dialects, the test toolkit's turns…) must be documented, like every export.
 *
 * TypeDoc's own rule (`requiredToBeDocumented: ['Property']`) would also ask for a comment on
 * each field of the zod-derived shapes: the types the schemas infer, which `responses-client/
 * schemas` shows under each `…Schema` (over 1,200 fields), and the generated types of src/types,
 * whose fields carry the schemas' comments where they have one (a `type` tag often has none).
 * Those stay out: this rule covers the properties declared anywhere else in src.
 */
import { Application, ReflectionKind } from 'typedoc';

/** Where the zod-derived shapes are declared. */
const wireShapes = /^src\/(schemas|types)\//;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    for (const property of project.getReflectionsByKind(ReflectionKind.Property)) {
      if (property.hasComment() || inside(property, ReflectionKind.Parameter)) continue;
      // The inferred type of a constant (the catalog's rows): its data, which its comment describes.
      if (inside(property, ReflectionKind.Variable)) continue;
      const id = project.getSymbolIdFromReflection(property);
      if (!id || id.packageName !== project.packageName || wireShapes.test(id.packagePath)) {
        continue;
      }
      app.logger.validationWarning(
        `${property.getFriendlyFullName()} (Property), defined in ${id.packagePath}, does not have any documentation`,
      );
    }
  });
}

/**
 * Whether a property belongs to the type of a reflection of this kind: a parameter's (TypeDoc's
 * own rule skips those too) or a variable's.
 */
function inside(reflection, kind) {
  for (let r = reflection.parent; r; r = r.parent) if (r.kindOf(kind)) return true;
  return false;
}

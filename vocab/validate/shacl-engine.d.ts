// Minimal typings for shacl-engine (ships none); only what vocab/validate uses.
declare module 'shacl-engine' {
  import type { DatasetCore, Term, Literal, DataFactory, DatasetCoreFactory } from '@rdfjs/types';
  export interface PathStep { quantifier: string; start: string; end: string; predicates: Term[] }
  export interface ValidationResult {
    focusNode: { term: Term };
    path?: PathStep[] | null;
    value?: { term: Term } | null;
    message: Literal[];
    severity: Term;
    constraintComponent: Term;
    shape: { ptr: { term: Term; out(predicates: Term[]): { terms: Term[] } } };
    args: Record<string, unknown>;
  }
  export interface ValidationReport { conforms: boolean; results: ValidationResult[] }
  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory & DatasetCoreFactory; details?: boolean });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}

// import() of an ES module package from code that may run as a classic script: the CLI's
// command line and render code are compiled with V8 code caches through node:vm
// (scripts/bundle-cli.mjs, core/cached-script.ts), and Node 20 lets such a script import() only under
// --experimental-vm-modules. The script's wrapper hands it an importer made in an ES module
// instead; everywhere else this is a plain import().

declare const __letterImport: ((specifier: string) => Promise<unknown>) | undefined;

export function importPackage<T>(specifier: string): Promise<T> {
  return (typeof __letterImport === 'function' ? __letterImport(specifier) : import(specifier)) as Promise<T>;
}

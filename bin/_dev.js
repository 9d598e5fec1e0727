import v8 from 'node:v8';
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));

// A @grpc/grpc-js server with the grpc-health-check service on 127.0.0.1 (ephemeral port).
// Arguments: initial statuses as service=STATUS ("=SERVING" is the whole server). Prints "listening PORT" once bound;
// each line on stdin "service=STATUS" changes a status and is answered with "set"; stdin closing stops the server.
const grpc = require('@grpc/grpc-js');
const { HealthImplementation } = require('grpc-health-check');
const readline = require('readline');

const parse = (entry) => {
  const equals = entry.indexOf('=');
  return [entry.slice(0, equals), entry.slice(equals + 1)];
};

const health = new HealthImplementation(Object.fromEntries(process.argv.slice(2).map(parse)));
const server = new grpc.Server();
health.addToServer(server);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`listening ${port}`);
});

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  const [service, status] = parse(line.trim());
  health.setStatus(service, status);
  console.log('set');
});
input.on('close', () => server.tryShutdown(() => process.exit(0)));

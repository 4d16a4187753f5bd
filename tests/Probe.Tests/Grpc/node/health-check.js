// The ground-truth client: one grpc.health.v1.Health/Check with @grpc/grpc-js, as a gRPC client library sees it.
// Usage: node health-check.js host:port service timeoutMs. Prints "status SERVING" (or the status it got) or
// "error CODE NAME". Exit 0 only for SERVING.
const grpc = require('@grpc/grpc-js');
const { service } = require('grpc-health-check');

const [address, serviceName, timeout] = process.argv.slice(2);
const Health = grpc.makeGenericClientConstructor(service, 'Health');
const client = new Health(address, grpc.credentials.createInsecure());
const deadline = new Date(Date.now() + Number(timeout));
client.Check({ service: serviceName }, { deadline }, (error, response) => {
  if (error) {
    console.log(`error ${error.code} ${grpc.status[error.code]}: ${error.details}`);
    process.exit(1);
  }
  console.log(`status ${response.status}`);
  process.exit(response.status === 'SERVING' ? 0 : 1);
});

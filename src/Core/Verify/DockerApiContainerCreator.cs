using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ContainerHealth.Verify;

/// <summary>
/// <c>docker run --health-cmd</c> can only set a <c>CMD-SHELL</c> check, while ECS, compose and Kubernetes exec checks are
/// exec form (<c>CMD</c>). The ECS agent hands its healthCheck to the Engine API as it is; so does this, for one call:
/// <c>POST /containers/create</c> with the Healthcheck, over <c>DOCKER_HOST</c> (unix or plain tcp) or the default socket.
/// </summary>
internal static class DockerApiContainerCreator
{
    public static async Task<EngineCommandResult> CreateAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        host = string.IsNullOrEmpty(host) ? "unix:///var/run/docker.sock" : host;
        using var client = Client(host, out var baseAddress);
        if (client is null)
        {
            return new EngineCommandResult(-1, "", $"an exec-form check needs the Docker Engine API, and DOCKER_HOST={host} is neither unix:// nor tcp://");
        }

        var healthcheck = new JsonObject
        {
            ["Test"] = new JsonArray(spec.Test!.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["Interval"] = Nanoseconds(spec.Interval),
            ["StartPeriod"] = Nanoseconds(spec.StartPeriod),
            ["Retries"] = spec.Retries,
        };
        if (spec.Timeout > TimeSpan.Zero)
        {
            healthcheck["Timeout"] = Nanoseconds(spec.Timeout);
        }

        var body = new JsonObject
        {
            ["Image"] = spec.Image,
            ["Env"] = new JsonArray(spec.Environment.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
            ["Labels"] = new JsonObject(spec.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))),
            ["Healthcheck"] = healthcheck,
            ["HostConfig"] = new JsonObject { ["NetworkMode"] = spec.Network },
        };
        try
        {
            using var response = await client.PostAsync(new Uri(baseAddress, "/containers/create?name=" + Uri.EscapeDataString(spec.Name)), JsonContent.Create(body), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new EngineCommandResult(response.IsSuccessStatusCode ? 0 : (int)response.StatusCode, text, response.IsSuccessStatusCode ? "" : Message(text));
        }
        catch (HttpRequestException e)
        {
            return new EngineCommandResult(-1, "", $"the Docker Engine API at {host} did not answer: {e.Message}");
        }
    }

    private static HttpClient? Client(string host, out Uri baseAddress)
    {
        baseAddress = new Uri("http://docker");
        if (host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = host["unix://".Length..];
            return new HttpClient(new SocketsHttpHandler
            {
                ConnectCallback = async (_, token) =>
                {
                    var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
                    return new NetworkStream(connection, ownsSocket: true);
                },
            });
        }

        if (host.StartsWith("tcp://", StringComparison.Ordinal))
        {
            baseAddress = new Uri("http://" + host["tcp://".Length..]);
            return new HttpClient();
        }

        return null;
    }

    private static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;

    private static string Message(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}

using System.Net.Http.Json;
using ContainerHealth.Engines;
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
        using var api = DockerEngineApi.Connect(host);
        if (api is null)
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
            using var response = await api.Client.PostAsync(new Uri(api.BaseAddress, "/containers/create?name=" + Uri.EscapeDataString(spec.Name)), JsonContent.Create(body), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new EngineCommandResult(response.IsSuccessStatusCode ? 0 : (int)response.StatusCode, text, response.IsSuccessStatusCode ? "" : DockerEngineApi.Message(text));
        }
        catch (HttpRequestException e)
        {
            return new EngineCommandResult(-1, "", $"the Docker Engine API at {host} did not answer: {e.Message}");
        }
    }

    private static long Nanoseconds(TimeSpan duration) => duration.Ticks * 100;
}

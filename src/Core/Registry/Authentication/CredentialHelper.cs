using System.Diagnostics;
using System.Text.Json;

namespace ContainerHealth.Registry.Authentication;

/// <summary>Runs <c>docker-credential-&lt;name&gt; get</c> with the server on stdin, as Docker does.</summary>
public sealed class CredentialHelper(string name, Action<string>? log = null)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public string ProgramName => "docker-credential-" + name;

    public RegistryCredential? Get(string server)
    {
        try
        {
            var startInfo = new ProcessStartInfo(ProgramName, "get")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Write(server);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Deadline))
            {
                process.Kill(entireProcessTree: true);
                log?.Invoke($"{ProgramName} did not answer within {Deadline.TotalSeconds} s; continuing anonymously");
                return null;
            }

            if (process.ExitCode != 0)
            {
                // A helper exits non-zero when it has nothing for this server; its output may echo the request, never secrets.
                log?.Invoke($"{ProgramName} has no credentials for {server} (exit code {process.ExitCode})");
                return null;
            }

            using var document = JsonDocument.Parse(output.Result);
            var root = document.RootElement;
            var username = root.TryGetProperty("Username", out var u) ? u.GetString() ?? "" : "";
            var secret = root.TryGetProperty("Secret", out var s) ? s.GetString() ?? "" : "";
            if (secret.Length == 0)
            {
                return null;
            }

            return new RegistryCredential(username, secret, isIdentityToken: username == "<token>");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException or IOException or InvalidOperationException)
        {
            log?.Invoke($"could not use {ProgramName}: {e.GetType().Name}; continuing anonymously");
            return null;
        }
    }
}

using System.Collections.Concurrent;
using ContainerHealth.Cli.Inspect;
using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Cli.Linting;

/// <summary>
/// The facts of every image a lint run needs: each reference inspected once, several at a time. The first image of each
/// registry goes alone; a registry that did not answer it is not asked again (its other images are judged by name with
/// CH1005), so an unreachable registry costs one round of timeouts, not one per image.
/// </summary>
public sealed class ImageFactsResolver(Platform? platform) : IDisposable
{
    private const int Parallel = 4;

    private static readonly RegistryClientOptions RegistryOptions = LintRegistryOptions.Create(ChainedCredentialSource.Default(RegistryMode.PullFromOutput));

    private readonly ConcurrentDictionary<string, Lazy<Task<ImageInspectionResult>>> inspections = new(StringComparer.Ordinal);
    private readonly UnreachableRegistries unreachable = new();
    private readonly SemaphoreSlim slots = new(Parallel);
    private readonly ConcurrentDictionary<string, Task> firstContacts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyDictionary<string, ImageInspectionResult>> ResolveAsync(IEnumerable<string> images, CancellationToken cancellationToken)
    {
        var distinct = images.Distinct(StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(distinct.Select(image => GetAsync(image, cancellationToken)));
        return distinct.Zip(results).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private Task<ImageInspectionResult> GetAsync(string image, CancellationToken cancellationToken) =>
        inspections.GetOrAdd(image, _ => new Lazy<Task<ImageInspectionResult>>(() => InspectAsync(image, cancellationToken))).Value;

    private async Task<ImageInspectionResult> InspectAsync(string image, CancellationToken cancellationToken)
    {
        var contact = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstContact = ImageReference.TryParse(image, out var reference) ? firstContacts.GetOrAdd(reference.Registry, contact.Task) : contact.Task;
        if (firstContact != contact.Task)
        {
            await firstContact.WaitAsync(cancellationToken);
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            return await InspectCommand.InspectAsync(image, platform, useCache: true, cancellationToken, unreachable, RegistryOptions);
        }
        catch (UsageException e)
        {
            return new ImageInspectionResult(
                new ImageFacts { Image = image, Platform = platform?.ToString() ?? "", Source = FactsSource.Unknown },
                [],
                new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Error, $"The image {image} could not be inspected: {e.Message}. Checks that need the image's contents are skipped."));
        }
        finally
        {
            slots.Release();
            contact.TrySetResult();
        }
    }

    public void Dispose() => slots.Dispose();
}

using System.Net.Http.Headers;

namespace ContainerHealth.Cli.Progress;

/// <summary>Counts the bytes of layer blobs as the registry client reads them, for <see cref="DownloadProgress"/>.</summary>
public sealed class ProgressHandler(DownloadProgress progress) : DelegatingHandler
{
    private const string BlobsSegment = "/blobs/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var blob = path.LastIndexOf(BlobsSegment, StringComparison.Ordinal);
        if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode || blob < 0 || !progress.Tracks(path[(blob + BlobsSegment.Length)..]))
        {
            return response;
        }

        var original = response.Content;
        var counted = new StreamContent(new CountingStream(await original.ReadAsStreamAsync(cancellationToken), progress));
        foreach (var header in original.Headers)
        {
            counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = counted;
        return response;
    }
}

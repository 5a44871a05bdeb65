using System.Net.Http.Headers;
using System.Text;

namespace OrleansMlops.Cli.Http;

/// <summary>
/// The host's HTTP API and nothing else: relative paths under the base address, a bearer token when one is given
/// (sent in a header, never written anywhere), answers kept as text so nothing the host sent is lost.
/// </summary>
public sealed class ApiClient(HttpClient http, string? token) : IDisposable
{
    public Uri? BaseAddress => http.BaseAddress;

    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResponse> PostJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);

    public Task<ApiResponse> SendTextAsync(HttpMethod method, string path, string text, string mediaType, CancellationToken cancellationToken) =>
        SendAsync(method, path, new StringContent(text, Encoding.UTF8, mediaType), cancellationToken);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = content };
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes, response.Headers.ETag?.Tag.Trim('"'));
        }
        catch (HttpRequestException e)
        {
            throw new HostUnreachableException($"cannot reach the host at {http.BaseAddress}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostUnreachableException($"the host at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s.", e);
        }
    }

    public void Dispose() => http.Dispose();
}

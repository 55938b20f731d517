using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>
/// POSTs a job's news to its subscriber (the standard's callback class): the status when it starts, the results
/// document when it succeeds, the exception when it fails. A subscriber that is down or slow costs the job at most
/// <paramref name="timeout"/> a call, twice; redirects are not followed; every call given up is logged.
/// </summary>
public sealed class SubscriberNotifier(TimeSpan timeout, TextWriter log) : IDisposable
{
    private const int Attempts = 2;

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = timeout,
    };

    public async Task NotifyAsync(Uri? uri, JsonNode payload, string what)
    {
        if (uri is null)
            return;
        var body = JsonText.Bytes(payload);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _client.PostAsync(uri, content).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                    return;
                if (attempt == Attempts)
                    await log.WriteLineAsync($"zoo_loader: the subscriber's {what} URI answered {(int)response.StatusCode}; not told.").ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (attempt == Attempts)
                    await log.WriteLineAsync($"zoo_loader: the subscriber's {what} URI could not be reached: {e.Message}").ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _client.Dispose();
}

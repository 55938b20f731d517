using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;

namespace Zoo.Core.Callback;

/// <summary>
/// Sends a job's calls to the callback service from the background, one at a time and in the order they were
/// posted, so that the job never waits on it. A call that fails (no answer, a refused status) is tried again a
/// few times with a growing pause. At the job's end <see cref="CompleteAsync"/> gives the calls still queued at
/// most the settings' timeout, all together; every call given up is logged with its step, never dropped quietly.
/// </summary>
/// <param name="headers">the headers main.cfg's <c>[security]</c> forwards to the callback service's host.</param>
/// <param name="log">where lost calls are told; written from the sending thread, so it must be thread-safe (Console.Error is).</param>
/// <param name="handler">the HTTP stack (the real one unless given).</param>
public sealed class CallbackSender : IAsyncDisposable
{
    /// <summary>A job sends at most a few dozen calls; more queued means the service is far behind, and later calls are logged lost.</summary>
    public const int QueueCapacity = 64;

    public const int Attempts = 3;

    /// <summary>The pause after the first failed attempt, doubled after each further one.</summary>
    public static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);

    private readonly CallbackSettings _settings;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;
    private readonly TextWriter _log;
    private readonly HttpClient _client;
    private readonly Channel<CallbackCall> _queue =
        Channel.CreateBounded<CallbackCall>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _giveUp = new();
    private readonly Task _sending;

    public CallbackSender(CallbackSettings settings, IReadOnlyList<KeyValuePair<string, string>> headers, TextWriter log,
        HttpMessageHandler? handler = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _headers = headers ?? throw new ArgumentNullException(nameof(headers));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _sending = Task.Run(SendAllAsync);
    }

    /// <summary>Queues a call; never waits. A full queue or a completed sender logs the call as lost.</summary>
    public void Post(CallbackCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_queue.Writer.TryWrite(call))
            Lost(call, "the queue of calls is full");
    }

    /// <summary>
    /// Waits until every queued call is sent, at most the settings' timeout; what is still unsent then is given
    /// up (and logged).
    /// </summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_sending, Task.Delay(_settings.Timeout)).ConfigureAwait(false) != _sending)
            await _giveUp.CancelAsync().ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync().ConfigureAwait(false);
        _client.Dispose();
        _giveUp.Dispose();
    }

    private async Task SendAllAsync()
    {
        await foreach (var call in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (_giveUp.IsCancellationRequested)
                Lost(call, $"the job ended and the callback service did not take its calls within {_settings.Timeout.TotalSeconds:0.###} s");
            else
                await SendAsync(call).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(CallbackCall call)
    {
        var url = _settings.UrlFor(call);
        var pause = FirstPause;
        string? failure = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            failure = await TryOnceAsync(url, call).ConfigureAwait(false);
            if (failure is null)
                return;
            if (attempt == Attempts || _giveUp.IsCancellationRequested)
                break;
            try
            {
                await Task.Delay(pause, _giveUp.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            pause *= 2;
        }
        Lost(call, failure ?? "");
    }

    /// <returns>null when the service took the call, else why not.</returns>
    private async Task<string?> TryOnceAsync(string url, CallbackCall call)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_giveUp.Token);
        attempt.CancelAfter(_settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(call.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            foreach (var (name, value) in _headers)
                request.Headers.TryAddWithoutValidation(name, value);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException)
        {
            return _giveUp.IsCancellationRequested ? "given up at the job's end" : $"no answer within {_settings.Timeout.TotalSeconds:0.###} s";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    private void Lost(CallbackCall call, string why)
    {
        _log.WriteLine($"callback {call.Name} ({call.Step}) lost: {why}");
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zoo.Core.Callback;

/// <summary>
/// What one job tells the callback service: each call carries the job id and the time it was made (UTC, ZOO's
/// <c>%Y-%m-%dT%H:%M:%SZ</c>), then the step's own keys. A runner adds, as it learns them, the facts the finalize
/// step reports (what an HPC job cost, for instance). <see cref="None"/> tells nobody.
/// </summary>
public sealed class JobCallbacks
{
    private readonly CallbackSender? _sender;
    private readonly string _jobId;
    private readonly TimeProvider _clock;
    private readonly List<KeyValuePair<string, string>> _finalizeFacts = [];

    public JobCallbacks(CallbackSender? sender, string jobId, TimeProvider? clock = null)
    {
        _sender = sender;
        _jobId = jobId ?? throw new ArgumentNullException(nameof(jobId));
        _clock = clock ?? TimeProvider.System;
    }

    public static JobCallbacks None { get; } = new(null, "");

    /// <summary>False when nobody listens: then a step's payload need not even be built.</summary>
    public bool IsOn => _sender is not null;

    /// <summary>The facts the finalize step reports besides <c>wps_status</c>, in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FinalizeFacts => _finalizeFacts;

    public void Send(CallbackStep step, CallbackState state, JsonObject? keys = null)
    {
        if (_sender is null)
            return;
        var body = new JsonObject
        {
            ["jobid"] = _jobId,
            ["datetime"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in keys ?? [])
            body[key] = value?.DeepClone();
        _sender.Post(new CallbackCall(step, state, Json(body)));
    }

    /// <summary>Compact JSON, with markup left readable (the request's XML travels in it), as ZOO's json-c writes it.</summary>
    private static string Json(JsonObject body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void AddFinalizeFacts(IEnumerable<KeyValuePair<string, string>> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _finalizeFacts.AddRange(facts);
    }
}

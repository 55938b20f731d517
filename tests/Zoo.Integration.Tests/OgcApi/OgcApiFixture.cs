using System.Text.Json.Nodes;
using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// A copy of cgi-env for one test class whose oas.cfg puts the API at <see cref="RootUrl"/> (<c>rootHost</c> and
/// <c>rootPath</c>, ZOO's per-request form), with calls to its OGC API and helpers for jobs; at the end every worker
/// the class left running is stopped before the copy is removed.
/// </summary>
public abstract class OgcApiFixture
{
    public const string RootHost = "http://zoo.example.org";
    public const string RootPath = "ogc-api";
    public const string RootUrl = RootHost + "/" + RootPath;

    /// <summary>How long a job of the sample processes may take to reach the state a test waits for.</summary>
    protected static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(30);

    protected ServiceDirectory Services { get; private set; } = null!;

    protected ApiCalls Api { get; private set; } = null!;

    /// <summary>The WPS side of the same jobs, and their files and processes.</summary>
    protected AsyncJobs Jobs { get; private set; } = null!;

    [OneTimeSetUp]
    public void CopyServices()
    {
        Services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        Jobs = new AsyncJobs(Services);
        Api = new ApiCalls(Services.Path);
        SetOas("openapi", "rootHost", RootHost);
        SetOas("openapi", "rootPath", RootPath);
        Prepare(Services);
    }

    /// <summary>Changes the copy before any test runs (oas.cfg, main.cfg, a .zcfg).</summary>
    protected virtual void Prepare(ServiceDirectory services)
    {
    }

    [OneTimeTearDown]
    public void RemoveServices()
    {
        Jobs.KillAllWorkers();
        Services.Dispose();
    }

    /// <summary>Sets a key of the copy's oas.cfg, adding the key, the section or the file when missing.</summary>
    protected void SetOas(string section, string key, string value) => OasFile.Set(Services, section, key, value);

    /// <summary>Removes a key from the copy's oas.cfg when it is there.</summary>
    protected void RemoveOas(string section, string key) => OasFile.Remove(Services, section, key);

    /// <summary>
    /// Validates named documents against their schemas, one validator run per schema (a run costs about a second).
    /// </summary>
    /// <returns>for each name, null when its document is valid, else what the validator said.</returns>
    protected static IReadOnlyDictionary<string, string?> Validate(params (string Name, string Schema, ApiResponse Answer)[] documents)
    {
        var problems = new Dictionary<string, string?>();
        foreach (var group in documents.GroupBy(d => d.Schema))
        {
            var list = group.ToList();
            var found = JsonSchemaValidator.ProblemsOfEach(group.Key, list.Select(d => d.Answer.Body).ToList());
            for (var i = 0; i < list.Count; i++)
                problems[list[i].Name] = found[i];
        }
        return problems;
    }

    /// <summary>The job a 201 answer names: its Location is <c>&lt;rootUrl&gt;/jobs/&lt;id&gt;</c>.</summary>
    protected static string JobIdOf(ApiResponse accepted)
    {
        const string prefix = RootUrl + "/jobs/";
        var location = accepted.Header("Location");
        if (accepted.StatusCode != 201 || location is null || !location.StartsWith(prefix, StringComparison.Ordinal))
            throw new AssertionException($"not a 201 with a Location under {prefix}:\n{accepted}");
        return location[prefix.Length..];
    }

    /// <summary>Starts an execution with <c>Prefer: respond-async</c> and returns its job id.</summary>
    protected string StartJob(string process, JsonObject body) =>
        JobIdOf(Api.Post($"/processes/{process}/execution", body, prefer: "respond-async"));

    /// <summary>The <c>status</c> of a statusInfo answer, or null when the answer is not one.</summary>
    protected static string? StatusOf(ApiResponse response)
    {
        try
        {
            return response.StatusCode == 200 ? response.Member("status") : null;
        }
        catch (AssertionException)
        {
            return null;
        }
    }

    /// <summary>
    /// Polls <c>GET /jobs/{id}</c> until its status is one of <paramref name="statuses"/>, and returns that answer. A job
    /// the API has answered 201 for exists from then on: an answer other than 200 fails at once, not at the deadline.
    /// </summary>
    protected ApiResponse WaitForStatus(string id, params string[] statuses)
    {
        var last = Poll.Until(() => Api.Get($"/jobs/{id}"), r => r.StatusCode != 200 || StatusOf(r) is { } status && statuses.Contains(status),
            JobDeadline, $"job {id} to be {string.Join(" or ", statuses)}");
        if (last.StatusCode != 200)
            throw new AssertionException($"GET /jobs/{id} while waiting for it to be {string.Join(" or ", statuses)}:\n{last}");
        return last;
    }

    /// <summary>An execute request body: <c>{"inputs":…,"outputs":…,"response":…}</c>, each member only when given.</summary>
    protected static JsonObject Execute(JsonObject? inputs, JsonObject? outputs = null, string? response = "document",
        JsonObject? subscriber = null)
    {
        var body = new JsonObject();
        if (inputs is not null)
            body["inputs"] = inputs;
        if (outputs is not null)
            body["outputs"] = outputs;
        if (response is not null)
            body["response"] = response;
        if (subscriber is not null)
            body["subscriber"] = subscriber;
        return body;
    }

    /// <summary><c>{"name":{"transmissionMode":"value"},…}</c></summary>
    protected static JsonObject ByValue(params string[] names) =>
        new(names.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject { ["transmissionMode"] = "value" })));
}

/// <summary>Edits the oas.cfg of a <see cref="ServiceDirectory"/> copy (ZOO's ini grammar: [section], key=value).</summary>
internal static class OasFile
{
    public static void Set(ServiceDirectory directory, string section, string key, string value)
    {
        var file = PathOf(directory);
        var lines = File.Exists(file) ? File.ReadAllLines(file).ToList() : [];
        var (header, existing) = Find(lines, section, key);
        if (header < 0)
            lines.AddRange([$"[{section}]", $"{key}={value}"]);
        else if (existing >= 0)
            lines[existing] = $"{key}={value}";
        else
            lines.Insert(header + 1, $"{key}={value}");
        File.WriteAllLines(file, lines);
    }

    public static void Remove(ServiceDirectory directory, string section, string key)
    {
        var file = PathOf(directory);
        if (!File.Exists(file))
            return;
        var lines = File.ReadAllLines(file).ToList();
        var (_, existing) = Find(lines, section, key);
        if (existing < 0)
            return;
        lines.RemoveAt(existing);
        File.WriteAllLines(file, lines);
    }

    private static string PathOf(ServiceDirectory directory) => Path.Combine(directory.Path, "oas.cfg");

    private static (int Header, int Key) Find(List<string> lines, string section, string key)
    {
        var header = lines.FindIndex(l => l.Trim().Equals($"[{section}]", StringComparison.OrdinalIgnoreCase));
        if (header < 0)
            return (-1, -1);
        var end = lines.FindIndex(header + 1, l => l.TrimStart().StartsWith('['));
        if (end < 0)
            end = lines.Count;
        var line = lines.FindIndex(header + 1, end - header - 1,
            l => l.Split('=', 2) is [var name, _] && name.Trim().Equals(key, StringComparison.OrdinalIgnoreCase));
        return (header, line);
    }
}

using System.Text.Json.Nodes;
using Zoo.Core.Callback;

namespace Zoo.Core.Tests.Callback;

/// <summary>JobCallbacks: every call carries the job id and the UTC time, then the step's keys.</summary>
public class JobCallbacksTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<JsonObject> SentBody(Action<JobCallbacks> send)
    {
        var handler = RecordingHandler.AlwaysOk();
        await using (var sender = new CallbackSender(new CallbackSettings("http://cb/", new HashSet<string>(), null, TimeSpan.FromSeconds(1)), [],
                         TextWriter.Null, handler))
            send(new JobCallbacks(sender, "5d6b0c1e-0000-4000-8000-000000000001", new FixedClock(new DateTimeOffset(2026, 12, 5, 23, 4, 5, TimeSpan.FromHours(2)))));
        return JsonNode.Parse(handler.Requests.Single().Body)!.AsObject();
    }

    [Test]
    public async Task A_call_carries_the_job_id()
    {
        var body = await SentBody(c => c.Send(CallbackStep.Analyze, CallbackState.Started));

        Assert.That((string?)body["jobid"], Is.EqualTo("5d6b0c1e-0000-4000-8000-000000000001"));
    }

    [Test]
    public async Task The_datetime_is_utc_in_zoo_format()
    {
        var body = await SentBody(c => c.Send(CallbackStep.Analyze, CallbackState.Started));

        Assert.That((string?)body["datetime"], Is.EqualTo("2026-12-05T21:04:05Z"));
    }

    [Test]
    public async Task The_steps_keys_follow()
    {
        var body = await SentBody(c => c.Send(CallbackStep.JobScript, CallbackState.Ended, new JsonObject { ["script"] = "/tmp/x.sh" }));

        Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "jobid", "datetime", "script" }));
    }

    [Test]
    public async Task Markup_travels_unescaped()
    {
        var handler = RecordingHandler.AlwaysOk();
        await using (var sender = new CallbackSender(new CallbackSettings("http://cb/", new HashSet<string>(), null, TimeSpan.FromSeconds(1)), [],
                         TextWriter.Null, handler))
            new JobCallbacks(sender, "id").Send(CallbackStep.Analyze, CallbackState.Started, new JsonObject { ["request_execute_content"] = "<a x=\"1\"/>" });

        Assert.That(handler.Requests.Single().Body, Does.EndWith(",\"request_execute_content\":\"<a x=\\\"1\\\"/>\"}"));
    }

    [Test]
    public void Nobody_listens_to_none()
    {
        Assert.That(JobCallbacks.None.IsOn, Is.False);
    }

    [Test]
    public void Finalize_facts_keep_their_order()
    {
        var callbacks = new JobCallbacks(null, "id");
        callbacks.AddFinalizeFacts([KeyValuePair.Create("b", "2")]);
        callbacks.AddFinalizeFacts([KeyValuePair.Create("a", "1")]);

        Assert.That(callbacks.FinalizeFacts.Select(f => f.Key), Is.EqualTo(new[] { "b", "a" }));
    }
}

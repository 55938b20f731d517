using System.Diagnostics;
using System.Net;
using Zoo.Core.Callback;

namespace Zoo.Core.Tests.Callback;

/// <summary>CallbackSender: ordered, JSON, retried, bounded at the end, every lost call logged.</summary>
public class CallbackSenderTests
{
    private static readonly CallbackSettings Settings = new("http://callback.test/cb/", new HashSet<string>(), null, TimeSpan.FromSeconds(1));

    private static CallbackCall Call(CallbackStep step, CallbackState state) => new(step, state, $"{{\"step\":{(int)step}}}");

    [Test]
    public async Task Calls_arrive_in_the_order_they_were_posted()
    {
        var handler = RecordingHandler.AlwaysOk();
        await using (var sender = new CallbackSender(Settings, [], TextWriter.Null, handler))
        {
            sender.Post(Call(CallbackStep.Analyze, CallbackState.Started));
            sender.Post(Call(CallbackStep.FetchingInputs, CallbackState.Started));
            sender.Post(Call(CallbackStep.FetchingInputs, CallbackState.Ended));
            sender.Post(Call(CallbackStep.Finalize, CallbackState.Started));
        }

        Assert.That(handler.Requests.Select(r => r.Url), Is.EqualTo(new[]
        {
            "http://callback.test/cb/0_0/", "http://callback.test/cb/1_0/", "http://callback.test/cb/1_1/", "http://callback.test/cb/6_0/",
        }));
    }

    [Test]
    public async Task A_call_is_posted_as_json()
    {
        var handler = RecordingHandler.AlwaysOk();
        await using (var sender = new CallbackSender(Settings, [], TextWriter.Null, handler))
            sender.Post(Call(CallbackStep.Submission, CallbackState.Ended));

        Assert.That(handler.Requests.Single() is var r ? (r.ContentType, r.Body) : default, Is.EqualTo(("application/json", "{\"step\":4}")));
    }

    [Test]
    public async Task The_forwarded_headers_go_with_every_call()
    {
        var handler = RecordingHandler.AlwaysOk();
        await using (var sender = new CallbackSender(Settings, [KeyValuePair.Create("X-User", "alice")], TextWriter.Null, handler))
            sender.Post(Call(CallbackStep.Analyze, CallbackState.Started));

        Assert.That(handler.Requests.Single().Headers, Does.Contain("X-User: alice"));
    }

    [Test]
    public async Task A_failed_call_is_tried_again_until_it_is_taken()
    {
        var handler = new RecordingHandler(n => n < 3 ? HttpStatusCode.InternalServerError : HttpStatusCode.NoContent);
        var log = new StringWriter();
        await using (var sender = new CallbackSender(Settings, [], log, handler))
            sender.Post(Call(CallbackStep.Analyze, CallbackState.Started));

        Assert.That((handler.Requests.Count, log.ToString()), Is.EqualTo((3, "")));
    }

    [Test]
    public async Task A_call_refused_every_time_is_logged_lost_with_its_step()
    {
        var handler = new RecordingHandler(_ => HttpStatusCode.ServiceUnavailable);
        var log = new StringWriter();
        await using (var sender = new CallbackSender(Settings, [], log, handler))
            sender.Post(Call(CallbackStep.Submission, CallbackState.Ended));

        Assert.That(log.ToString(), Does.Contain("callback 4_1 (Submission) lost: HTTP 503"));
    }

    [Test]
    public async Task A_call_is_tried_three_times_at_most()
    {
        var handler = new RecordingHandler(_ => HttpStatusCode.ServiceUnavailable);
        await using (var sender = new CallbackSender(Settings, [], TextWriter.Null, handler))
            sender.Post(Call(CallbackStep.Submission, CallbackState.Ended));

        Assert.That(handler.Requests, Has.Count.EqualTo(CallbackSender.Attempts));
    }

    [Test]
    public async Task A_service_that_never_answers_holds_the_end_no_longer_than_the_timeout()
    {
        var handler = new RecordingHandler(_ => null);
        await using var sender = new CallbackSender(Settings, [], TextWriter.Null, handler);
        foreach (var step in Enum.GetValues<CallbackStep>())
            sender.Post(Call(step, CallbackState.Started));
        var clock = Stopwatch.StartNew();

        await sender.CompleteAsync();

        Assert.That(clock.Elapsed, Is.LessThan(Settings.Timeout + TimeSpan.FromMilliseconds(500)));
    }

    [Test]
    public async Task Calls_given_up_at_the_end_are_each_logged()
    {
        var handler = new RecordingHandler(_ => null);
        var log = new StringWriter();
        await using (var sender = new CallbackSender(Settings, [], TextWriter.Synchronized(log), handler))
        {
            sender.Post(Call(CallbackStep.Analyze, CallbackState.Started));
            sender.Post(Call(CallbackStep.FetchingInputs, CallbackState.Started));
            sender.Post(Call(CallbackStep.Finalize, CallbackState.Started));
        }

        Assert.That(log.ToString().Split('\n').Count(l => l.Contains(" lost: ", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task A_call_posted_after_the_end_is_logged_lost()
    {
        var log = new StringWriter();
        var sender = new CallbackSender(Settings, [], log, RecordingHandler.AlwaysOk());
        await sender.DisposeAsync();

        sender.Post(Call(CallbackStep.ErrorOrDismiss, CallbackState.Ended));

        Assert.That(log.ToString(), Does.Contain("callback 7_1 (ErrorOrDismiss) lost"));
    }
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Async.AsyncRequests;

namespace Zoo.Integration.Tests.Async;

/// <summary>
/// 20 asynchronous Executes sent at once (1.0.0 KVP, so that each has its status document from the
/// start): every job succeeds, no two share a JobID, and a reader that keeps reading every
/// <c>&lt;Service&gt;_&lt;id&gt;.xml</c> and <c>&lt;id&gt;.status</c> while they run never sees a
/// half-written one. The scenario runs once; the tests read what it recorded.
/// </summary>
[TestFixture]
public sealed partial class ConcurrentJobsTests : AsyncFixture
{
    private const int JobCount = 20;

    private List<string> _ids = null!;
    private List<StatusInfo> _final = null!;
    private readonly ConcurrentQueue<string> _tornReads = new();
    private int _xmlReads;
    private int _statusReads;

    [GeneratedRegex(@"^\d{1,3}\|.*$", RegexOptions.Singleline)]
    private static partial Regex StatusLine();

    [OneTimeSetUp]
    public void RunTwentyJobsAtOnce()
    {
        using var stop = new CancellationTokenSource();
        var reader = Task.Factory.StartNew(() => ReadUntil(stop.Token), TaskCreationOptions.LongRunning);
        try
        {
            using var start = new Barrier(JobCount);
            var launches = Enumerable.Range(0, JobCount).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return Get(Kvp10(2, 10));
            }, TaskCreationOptions.LongRunning)).ToList();
            _ids = launches.Select(t => JobIdOfLocation(StatusLocationOf(t.Result))).ToList();
            _final = _ids.Select(Jobs.WaitUntilFinal).ToList();
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
        }
    }

    /// <summary>Reads every status and response file in tmpPath, again and again, and records any that does not parse.</summary>
    private void ReadUntil(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var path in Directory.EnumerateFiles(Services.TmpPath))
            {
                var name = Path.GetFileName(path);
                var isXml = name.EndsWith(".xml", StringComparison.Ordinal);
                var isStatus = name.EndsWith(".status", StringComparison.Ordinal);
                if (!isXml && !isStatus)
                    continue;
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (FileNotFoundException)
                {
                    continue; // finished (.status) between the listing and the read
                }
                if (isXml)
                {
                    Interlocked.Increment(ref _xmlReads);
                    try
                    {
                        XDocument.Parse(text);
                    }
                    catch (System.Xml.XmlException e)
                    {
                        _tornReads.Enqueue($"{name}: {e.Message}: {text.Length} chars");
                    }
                }
                else
                {
                    Interlocked.Increment(ref _statusReads);
                    if (!StatusLine().IsMatch(text))
                        _tornReads.Enqueue($"{name}: \"{text}\"");
                }
            }
        }
    }

    [Test]
    public void All_20_jobs_succeed()
    {
        Assert.That(_final.Select(s => s.Status), Is.All.EqualTo("Succeeded"), () => string.Join("\n", _final));
    }

    [Test]
    public void No_two_of_20_jobs_share_a_JobID()
    {
        Assert.That(_ids, Is.Unique.And.Count.EqualTo(JobCount));
    }

    [Test]
    public void Every_read_of_a_response_or_status_file_while_the_jobs_run_sees_a_whole_document()
    {
        Assert.That(_tornReads, Is.Empty);
    }

    [Test]
    public void The_reader_saw_response_and_status_files_while_the_jobs_ran()
    {
        Assert.That(new[] { _xmlReads > JobCount, _statusReads > JobCount }, Is.All.True, $"{_xmlReads} xml reads, {_statusReads} status reads");
    }
}

using System.Text;
using System.Text.Json;
using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

public class FindingWriterTests
{
    private static readonly Finding[] Findings =
    [
        new(Severity.Error, new Place("/srv/zoo/main.cfg", 12, "main", "tmpPath"), "/nowhere does not exist"),
        new(Severity.Warning, new Place("/srv/zoo/hpc/B.zcfg", 4, null, "serviceType"), "odd"),
        new(Severity.Notice, new Place("/srv/zoo/oas.cfg", 0), "does not exist"),
        new(Severity.Error, new Place("/srv/zoo/main.cfg", 3, "HPC"), "section \"x\""),
    ];

    [Test]
    public void Each_finding_is_one_line_file_line_severity_place_message()
    {
        var lines = Findings.Select(FindingWriter.Line);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "/srv/zoo/main.cfg:12: error: [main] tmpPath: /nowhere does not exist",
            "/srv/zoo/hpc/B.zcfg:4: warning: serviceType: odd",
            "/srv/zoo/oas.cfg: notice: does not exist",
            "/srv/zoo/main.cfg:3: error: [HPC]: section \"x\"",
        }));
    }

    [Test]
    public void The_text_ends_with_the_counts_and_the_verdict()
    {
        var output = new StringWriter();

        FindingWriter.WriteText(output, Findings);

        Assert.That(output.ToString().TrimEnd().Split('\n')[^1], Is.EqualTo("2 errors, 1 warning, 1 notice: the install would not work"));
    }

    [Test]
    public void The_json_is_an_array_of_findings_with_their_place()
    {
        using var output = new MemoryStream();

        FindingWriter.WriteJson(output, Findings);

        using var json = JsonDocument.Parse(output.ToArray());
        var first = json.RootElement[0];
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(4));
            Assert.That(first.GetProperty("file").GetString(), Is.EqualTo("/srv/zoo/main.cfg"));
            Assert.That(first.GetProperty("line").GetInt32(), Is.EqualTo(12));
            Assert.That(first.GetProperty("section").GetString(), Is.EqualTo("main"));
            Assert.That(first.GetProperty("key").GetString(), Is.EqualTo("tmpPath"));
            Assert.That(first.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(first.GetProperty("message").GetString(), Is.EqualTo("/nowhere does not exist"));
        });
    }

    [Test]
    public void A_finding_of_no_line_has_a_null_line_in_json()
    {
        using var output = new MemoryStream();

        FindingWriter.WriteJson(output, Findings);

        using var json = JsonDocument.Parse(output.ToArray());
        Assert.That((json.RootElement[2].GetProperty("line").ValueKind, json.RootElement[2].GetProperty("key").ValueKind),
            Is.EqualTo((JsonValueKind.Null, JsonValueKind.Null)));
    }

    [Test]
    public void Quotes_and_markup_stay_readable_in_json()
    {
        using var output = new MemoryStream();

        FindingWriter.WriteJson(output, [new Finding(Severity.Notice, new Place("f", 1), "the server's <b>")]);

        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Does.Contain("\"message\": \"the server's <b>\""));
    }

    [Test]
    public void No_finding_is_an_empty_json_array()
    {
        using var output = new MemoryStream();

        FindingWriter.WriteJson(output, []);

        Assert.That(Encoding.UTF8.GetString(output.ToArray()).Trim(), Is.EqualTo("[]"));
    }
}

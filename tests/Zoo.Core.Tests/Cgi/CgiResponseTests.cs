using System.Text;
using Zoo.Core.Cgi;

namespace Zoo.Core.Tests.Cgi;

public class CgiResponseTests
{
    private static string Written(params (string Name, string Value)[] headers)
    {
        var response = new CgiResponse(headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList(), "<a/>"u8.ToArray());
        using var output = new MemoryStream();
        response.WriteTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Test]
    public void Headers_are_written_in_order_then_a_blank_line_then_the_body()
    {
        Assert.That(Written(("Content-Type", "text/xml; charset=utf-8"), ("Status", "200 OK")),
            Is.EqualTo("Content-Type: text/xml; charset=utf-8\r\nStatus: 200 OK\r\n\r\n<a/>"));
    }

    [Test]
    public void A_line_break_in_a_value_is_not_written()
    {
        Assert.That(Written(("Content-Type", "text/plain\r\nSet-Cookie: session=stolen"), ("Status", "200 OK")),
            Is.EqualTo("Content-Type: text/plainSet-Cookie: session=stolen\r\nStatus: 200 OK\r\n\r\n<a/>"));
    }

    [Test]
    public void A_bare_line_feed_in_a_value_is_not_written()
    {
        Assert.That(Written(("Content-Disposition", "attachment; filename=\"a\nLocation: http://evil.example.org/\"")),
            Is.EqualTo("Content-Disposition: attachment; filename=\"aLocation: http://evil.example.org/\"\r\n\r\n<a/>"));
    }

    [Test]
    public void A_nul_in_a_value_is_not_written()
    {
        Assert.That(Written(("X-Name", "a\0b")), Is.EqualTo("X-Name: ab\r\n\r\n<a/>"));
    }

    [Test]
    public void A_tab_in_a_value_is_kept()
    {
        Assert.That(Written(("X-Name", "a\tb")), Is.EqualTo("X-Name: a\tb\r\n\r\n<a/>"));
    }

    [Test]
    public void A_value_with_line_breaks_makes_no_header_line_of_its_own()
    {
        var head = Written(("Content-Type", "text/plain\r\nSet-Cookie: session=stolen\r\n\r\n<html/>"), ("Status", "200 OK")).Split("\r\n\r\n")[0];

        Assert.That(head.Split("\r\n"), Is.EqualTo(new[] { "Content-Type: text/plainSet-Cookie: session=stolen<html/>", "Status: 200 OK" }));
    }

    [TestCase("Bad Name")]
    [TestCase("X-Injected:")]
    [TestCase("X\r\nInjected")]
    [TestCase("")]
    [TestCase("Ünicode")]
    [TestCase("a/b")]
    public void A_header_whose_name_is_not_a_token_is_not_written(string name)
    {
        Assert.That(Written((name, "v"), ("Status", "200 OK")), Is.EqualTo("Status: 200 OK\r\n\r\n<a/>"));
    }

    [Test]
    public void An_xml_answer_gives_its_content_type_first_and_its_status_last()
    {
        var response = CgiResponse.Xml("200 OK", "<a/>", "utf-8", [KeyValuePair.Create("X-Powered-By", "ZOO-Project")]);

        Assert.That(response.Headers.Select(h => $"{h.Key}: {h.Value}"), Is.EqualTo(new[]
        {
            "Content-Type: text/xml; charset=utf-8", "X-Powered-By: ZOO-Project", "Status: 200 OK",
        }));
    }
}

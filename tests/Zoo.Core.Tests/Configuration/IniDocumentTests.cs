using Zoo.Core.Configuration;

namespace Zoo.Core.Tests.Configuration;

public class IniDocumentTests
{
    private static IniDocument Parse(string text) => IniDocument.Parse(text, "test.cfg");

    [Test]
    public void Sections_are_listed_in_file_order()
    {
        var document = Parse("""
            [main]
            a=1
            [provider]
            b=2
            [env]
            c=3
            """);

        Assert.That(document.Sections.Select(s => s.Name), Is.EqualTo(new[] { "main", "provider", "env" }));
    }

    [Test]
    public void Keys_are_listed_in_file_order()
    {
        var document = Parse("""
            [main]
            zeta=1
            alpha=2
            mid=3
            """);

        Assert.That(document["main"].Select(p => p.Key), Is.EqualTo(new[] { "zeta", "alpha", "mid" }));
    }

    [Test]
    public void A_section_is_found_whatever_the_case()
    {
        var document = Parse("""
            [Main]
            version=2.0.0
            """);

        Assert.That(document["MAIN"]["version"], Is.EqualTo("2.0.0"));
    }

    [Test]
    public void A_key_is_found_whatever_the_case()
    {
        var document = Parse("""
            [main]
            serverAddress=http://example.org/
            """);

        Assert.That(document["main"]["SERVERADDRESS"], Is.EqualTo("http://example.org/"));
    }

    [Test]
    public void A_missing_section_reads_as_empty()
    {
        var document = Parse("[main]\na=1\n");

        Assert.That(document["headers"], Is.Empty);
    }

    [Test]
    public void A_repeated_key_takes_the_last_value()
    {
        var document = Parse("""
            [main]
            language=fr-FR
            other=x
            language=en-US
            """);

        Assert.That(document["main"]["language"], Is.EqualTo("en-US"));
    }

    [Test]
    public void A_repeated_key_keeps_its_first_position()
    {
        var document = Parse("""
            [main]
            language=fr-FR
            other=x
            language=en-US
            """);

        Assert.That(document["main"].Select(p => p.Key), Is.EqualTo(new[] { "language", "other" }));
    }

    [Test]
    public void A_repeated_section_merges_its_keys_into_the_first()
    {
        var document = Parse("""
            [main]
            a=1
            [env]
            x=y
            [main]
            b=2
            """);

        Assert.That(document["main"].Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { "a=1", "b=2" }));
    }

    [Test]
    public void A_repeated_section_is_listed_once()
    {
        var document = Parse("""
            [main]
            a=1
            [env]
            x=y
            [main]
            b=2
            """);

        Assert.That(document.Sections.Select(s => s.Name), Is.EqualTo(new[] { "main", "env" }));
    }

    [Test]
    public void A_hash_comment_line_is_skipped()
    {
        var document = Parse("""
            [main]
            # a=commented
            b=2
            """);

        Assert.That(document["main"].Select(p => p.Key), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void A_semicolon_comment_line_is_skipped()
    {
        var document = Parse("""
            [main]
            ; a=commented
            b=2
            """);

        Assert.That(document["main"].Select(p => p.Key), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void Spaces_around_the_equals_sign_are_not_part_of_key_or_value()
    {
        var document = Parse("""
            [identification]
            fees = None
            """);

        Assert.That(document["identification"]["fees"], Is.EqualTo("None"));
    }

    [Test]
    public void A_value_may_contain_an_equals_sign()
    {
        var document = Parse("""
            [main]
            serverAddress=http://example.org/cgi?a=b&c=d
            """);

        Assert.That(document["main"]["serverAddress"], Is.EqualTo("http://example.org/cgi?a=b&c=d"));
    }

    [Test]
    public void A_value_may_contain_a_semicolon()
    {
        var document = Parse("""
            [headers]
            Content-Security-Policy=default-src 'self'; img-src *
            """);

        Assert.That(document["headers"]["Content-Security-Policy"], Is.EqualTo("default-src 'self'; img-src *"));
    }

    [Test]
    public void A_value_may_contain_a_hash()
    {
        var document = Parse("""
            [identification]
            title=Server #1
            """);

        Assert.That(document["identification"]["title"], Is.EqualTo("Server #1"));
    }

    [Test]
    public void An_empty_value_is_kept_as_an_empty_string()
    {
        var document = Parse("""
            [main]
            proxied=
            """);

        Assert.That(document["main"]["proxied"], Is.EqualTo(""));
    }

    [Test]
    public void An_empty_value_still_counts_as_present()
    {
        var document = Parse("""
            [main]
            proxied=
            """);

        Assert.That(document["main"].Contains("proxied"), Is.True);
    }

    [Test]
    public void Crlf_line_ends_are_not_part_of_values()
    {
        var document = Parse("[main]\r\nversion=1.0.0\r\nencoding=utf-8\r\n");

        Assert.That(document["main"].Select(p => p.Value), Is.EqualTo(new[] { "1.0.0", "utf-8" }));
    }

    [Test]
    public void Crlf_line_ends_are_not_part_of_section_names()
    {
        var document = Parse("[main]\r\nversion=1.0.0\r\n");

        Assert.That(document.HasSection("main"), Is.True);
    }

    [Test]
    public void A_line_without_equals_sign_is_an_error_naming_source_and_line()
    {
        var error = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("[main]\na=1\njunk\n", "/etc/zoo/main.cfg"));

        Assert.That(error!.Message, Does.StartWith("/etc/zoo/main.cfg line 3:"));
    }

    [Test]
    public void An_empty_key_is_an_error_naming_source_and_line()
    {
        var error = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("[main]\n=value\n", "main.cfg"));

        Assert.That(error!.Message, Does.StartWith("main.cfg line 2:"));
    }

    [Test]
    public void An_unclosed_section_header_is_an_error_naming_source_and_line()
    {
        var error = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("# c\n\n[main\na=1\n", "main.cfg"));

        Assert.That(error!.Message, Does.StartWith("main.cfg line 3:"));
    }

    [Test]
    public void Read_loads_a_file_and_names_it_in_errors()
    {
        using var directory = new TestSupport.TempDirectory();
        var path = directory.Write("main.cfg", "[main]\nbroken\n");

        var error = Assert.Throws<ConfigurationException>(() => IniDocument.Read(path));

        Assert.That(error!.Message, Does.StartWith($"{path} line 2:"));
    }
}

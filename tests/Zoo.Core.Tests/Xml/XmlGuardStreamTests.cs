using System.Diagnostics;
using System.Text;
using Zoo.Core.Xml;

namespace Zoo.Core.Tests.Xml;

public class XmlGuardStreamTests
{
    private const int Limit = 1024;

    private static string Pass(string document, int maxTokenBytes = Limit) => Pass(Encoding.UTF8.GetBytes(document), maxTokenBytes);

    private static string Pass(byte[] document, int maxTokenBytes = Limit) =>
        Encoding.UTF8.GetString(ReadAll(new XmlGuardStream(new MemoryStream(document), maxTokenBytes)));

    /// <summary>Through a source that gives one byte per read, so that every construct is split across reads.</summary>
    private static string PassByteByByte(string document) =>
        Encoding.UTF8.GetString(ReadAll(new XmlGuardStream(new OneByteStream(Encoding.UTF8.GetBytes(document)), Limit)));

    private static byte[] ReadAll(Stream stream)
    {
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    // ---- what passes

    [Test]
    public void Tags_attributes_and_text_pass_unchanged()
    {
        const string document = """<?xml version="1.0"?><a x="1" y='2'>hello &amp; world<b/></a>""";

        Assert.That(Pass(document), Is.EqualTo(document));
    }

    [Test]
    public void A_closing_angle_bracket_inside_a_quoted_attribute_does_not_end_the_tag()
    {
        const string document = """<a x="1>2" y='3>4'>t</a>""";

        Assert.That(Pass(document), Is.EqualTo(document));
    }

    [Test]
    public void A_comment_passes_unchanged()
    {
        const string document = "<a><!-- x > y - z --></a>";

        Assert.That(Pass(document), Is.EqualTo(document));
    }

    [Test]
    public void A_doctype_passes_unchanged_for_the_parser_to_refuse()
    {
        const string document = "<!DOCTYPE a><a/>";

        Assert.That(Pass(document), Is.EqualTo(document));
    }

    [Test]
    public void A_utf_8_byte_order_mark_and_multibyte_text_pass_unchanged()
    {
        var document = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<a>café € 😀</a>")).ToArray();

        Assert.That(ReadAll(new XmlGuardStream(new MemoryStream(document), Limit)), Is.EqualTo(document));
    }

    [Test]
    public void Everything_passes_unchanged_when_read_one_byte_at_a_time()
    {
        const string document = """<?xml version="1.0"?><a x="1>2"><!-- c --><b>t &lt; u</b></a>""";

        Assert.That(PassByteByByte(document), Is.EqualTo(document));
    }

    // ---- CDATA

    [Test]
    public void Cdata_becomes_escaped_text()
    {
        Assert.That(Pass("<a><![CDATA[a<b&c]]></a>"), Is.EqualTo("<a>a&lt;b&amp;c</a>"));
    }

    [Test]
    public void A_closing_angle_bracket_in_cdata_is_escaped()
    {
        Assert.That(Pass("<a><![CDATA[x>y]]></a>"), Is.EqualTo("<a>x&gt;y</a>"));
    }

    [Test]
    public void A_bracket_before_the_end_of_cdata_is_content()
    {
        Assert.That(Pass("<a><![CDATA[x]]]></a>"), Is.EqualTo("<a>x]</a>"));
    }

    [Test]
    public void Two_brackets_before_the_end_of_cdata_are_content()
    {
        Assert.That(Pass("<a><![CDATA[]]]]></a>"), Is.EqualTo("<a>]]</a>"));
    }

    [Test]
    public void Brackets_not_followed_by_an_angle_bracket_are_content()
    {
        Assert.That(Pass("<a><![CDATA[a]b]]c]]></a>"), Is.EqualTo("<a>a]b]]c</a>"));
    }

    [Test]
    public void An_empty_cdata_section_is_nothing()
    {
        Assert.That(Pass("<a>x<![CDATA[]]>y</a>"), Is.EqualTo("<a>xy</a>"));
    }

    [Test]
    public void Markup_in_cdata_is_not_markup()
    {
        Assert.That(Pass("<a><![CDATA[<!-- not a comment --><b>]]></a>"), Is.EqualTo("<a>&lt;!-- not a comment --&gt;&lt;b&gt;</a>"));
    }

    [Test]
    public void Cdata_split_across_reads_becomes_the_same_escaped_text()
    {
        Assert.That(PassByteByByte("<a><![CDATA[a<b&c]]]></a>"), Is.EqualTo("<a>a&lt;b&amp;c]</a>"));
    }

    [Test]
    public void Cdata_longer_than_the_token_limit_is_allowed()
    {
        var content = new string('x', 10 * Limit);

        Assert.That(Pass($"<a><![CDATA[{content}]]></a>"), Is.EqualTo($"<a>{content}</a>"));
    }

    [Test]
    public void An_unfinished_cdata_opening_at_the_end_is_passed_on_for_the_parser_to_refuse()
    {
        Assert.That(Pass("<a><![CD"), Is.EqualTo("<a><![CD"));
    }

    // ---- limits

    [Test]
    public void A_tag_as_long_as_the_limit_is_accepted()
    {
        var tag = $"<a x=\"{new string('x', Limit - 9)}\"/>";

        Assert.That(Pass(tag), Is.EqualTo(tag));
    }

    [Test]
    public void A_tag_longer_than_the_limit_is_refused()
    {
        var tag = $"<a x=\"{new string('x', Limit - 8)}\"/>";

        Assert.Throws<XmlGuardException>(() => Pass(tag));
    }

    [Test]
    public void An_attribute_longer_than_the_limit_is_refused_with_the_limit_in_the_message()
    {
        var tag = $"<a x=\"{new string('x', 2 * Limit)}\"/>";

        Assert.That(Assert.Throws<XmlGuardException>(() => Pass(tag))!.Message,
            Is.EqualTo("The XML request holds a tag, attribute or comment longer than 1024 bytes."));
    }

    [Test]
    public void A_closing_tag_longer_than_the_limit_is_refused()
    {
        var name = new string('n', 2 * Limit);

        Assert.Throws<XmlGuardException>(() => Pass($"<a></{name}>"));
    }

    [Test]
    public void A_comment_longer_than_the_limit_is_refused()
    {
        Assert.Throws<XmlGuardException>(() => Pass($"<a><!--{new string('c', 2 * Limit)}--></a>"));
    }

    [Test]
    public void A_processing_instruction_longer_than_the_limit_is_refused()
    {
        Assert.Throws<XmlGuardException>(() => Pass($"<?pi {new string('p', 2 * Limit)}?><a/>"));
    }

    [Test]
    public void A_doctype_longer_than_the_limit_is_refused()
    {
        Assert.Throws<XmlGuardException>(() => Pass($"<!DOCTYPE a SYSTEM \"{new string('d', 2 * Limit)}\"><a/>"));
    }

    [Test]
    public void Text_longer_than_the_limit_passes()
    {
        var text = new string('t', 10 * Limit);

        Assert.That(Pass($"<a>{text}</a>"), Is.EqualTo($"<a>{text}</a>"));
    }

    [Test]
    public void A_long_tag_split_across_reads_is_refused()
    {
        var tag = $"<a x=\"{new string('x', 2 * Limit)}\"/>";

        Assert.Throws<XmlGuardException>(() => PassByteByByte(tag));
    }

    [Test]
    public void Many_short_tags_together_longer_than_the_limit_pass()
    {
        var document = "<a>" + string.Concat(Enumerable.Repeat("<b x=\"1\"/>", 1000)) + "</a>";

        Assert.That(Pass(document), Is.EqualTo(document));
    }

    // ---- encodings

    [Test]
    public void A_utf_16_little_endian_byte_order_mark_is_refused()
    {
        var document = new byte[] { 0xFF, 0xFE, (byte)'<', 0, (byte)'a', 0, (byte)'/', 0, (byte)'>', 0 };

        Assert.Throws<XmlGuardException>(() => Pass(document));
    }

    [Test]
    public void A_utf_16_big_endian_byte_order_mark_is_refused()
    {
        var document = new byte[] { 0xFE, 0xFF, 0, (byte)'<', 0, (byte)'a', 0, (byte)'/', 0, (byte)'>' };

        Assert.Throws<XmlGuardException>(() => Pass(document));
    }

    [Test]
    public void Utf_16_without_a_byte_order_mark_is_refused()
    {
        Assert.Throws<XmlGuardException>(() => Pass(Encoding.Unicode.GetBytes("<a/>")));
    }

    [Test]
    public void A_utf_16_byte_order_mark_split_across_reads_is_refused()
    {
        // A stream may hand out fewer bytes than asked: the first read may be a single byte.
        var document = new byte[] { 0xFF, 0xFE, (byte)'<', 0, (byte)'a', 0, (byte)'/', 0, (byte)'>', 0 };

        Assert.Throws<XmlGuardException>(() => ReadAll(new XmlGuardStream(new OneByteStream(document), Limit)));
    }

    [Test]
    public void An_empty_document_gives_nothing()
    {
        Assert.That(Pass(""), Is.Empty);
    }

    // ---- linear time

    [Test]
    public void Twenty_megabytes_of_text_pass_in_under_a_second()
    {
        var document = Encoding.ASCII.GetBytes("<a>" + new string('t', 20 * 1024 * 1024) + "</a>");
        var clock = Stopwatch.StartNew();

        new XmlGuardStream(new MemoryStream(document), Limit).CopyTo(Stream.Null);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Twenty_megabytes_of_cdata_pass_in_under_a_second()
    {
        var document = Encoding.ASCII.GetBytes("<a><![CDATA[" + new string('c', 20 * 1024 * 1024) + "]]></a>");
        var clock = Stopwatch.StartNew();

        new XmlGuardStream(new MemoryStream(document), Limit).CopyTo(Stream.Null);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    /// <summary>A stream that hands out its bytes one at a time.</summary>
    private sealed class OneByteStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => content.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position == content.Length || count == 0)
                return 0;
            buffer[offset] = content[_position++];
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

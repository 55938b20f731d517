using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests;

namespace Zoo.Core.Tests.Wps.Requests;

public class KvpReaderTests
{
    [Test]
    public void Pairs_are_read_in_order()
    {
        var values = KvpReader.Parse("service=WPS&request=GetCapabilities&version=1.0.0");

        Assert.That(values.Select(p => $"{p.Key}={p.Value}"),
            Is.EqualTo(new[] { "service=WPS", "request=GetCapabilities", "version=1.0.0" }));
    }

    [Test]
    public void A_plus_is_a_space()
    {
        Assert.That(KvpReader.Parse("a=x+y")["a"], Is.EqualTo("x y"));
    }

    [Test]
    public void A_percent_escape_is_a_byte()
    {
        Assert.That(KvpReader.Parse("a=x%20y%2Bz%26w%3D")["a"], Is.EqualTo("x y+z&w="));
    }

    [Test]
    public void Lower_case_hex_digits_are_decoded()
    {
        Assert.That(KvpReader.Parse("a=%2f%3a")["a"], Is.EqualTo("/:"));
    }

    [Test]
    public void Percent_escapes_of_a_multi_byte_character_are_decoded_as_utf_8()
    {
        Assert.That(KvpReader.Parse("a=caf%C3%A9%20%E2%82%AC%20%F0%9F%98%80")["a"], Is.EqualTo("café € 😀"));
    }

    [Test]
    public void A_percent_not_followed_by_two_hex_digits_is_kept()
    {
        Assert.That(KvpReader.Parse("a=100%&b=%zz&c=%4")["a"], Is.EqualTo("100%"));
    }

    [Test]
    public void A_percent_followed_by_non_hex_is_kept_with_what_follows()
    {
        Assert.That(KvpReader.Parse("b=%zz")["b"], Is.EqualTo("%zz"));
    }

    [Test]
    public void Names_are_decoded_too()
    {
        Assert.That(KvpReader.Parse("data%49nputs=x")["DataInputs"], Is.EqualTo("x"));
    }

    [Test]
    public void Raw_non_ascii_characters_are_kept()
    {
        Assert.That(KvpReader.Parse("a=café")["a"], Is.EqualTo("café"));
    }

    [Test]
    public void Raw_non_ascii_characters_are_kept_next_to_an_escape()
    {
        Assert.That(KvpReader.Parse("a=café+%C3%A9")["a"], Is.EqualTo("café é"));
    }

    [Test]
    public void A_raw_character_outside_the_basic_plane_is_kept_next_to_an_escape()
    {
        Assert.That(KvpReader.Parse("a=😀+x")["a"], Is.EqualTo("😀 x"));
    }

    [Test]
    public void Invalid_utf_8_in_a_value_is_an_InvalidParameterValue()
    {
        var error = Assert.Throws<WpsException>(() => KvpReader.Parse("service=WPS&identifier=a%FFb"));

        Assert.That(error!.Errors.Single().Code, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public void Invalid_utf_8_in_a_value_names_the_parameter_as_locator()
    {
        var error = Assert.Throws<WpsException>(() => KvpReader.Parse("service=WPS&identifier=a%FFb"));

        Assert.That(error!.Errors.Single().Locator, Is.EqualTo("identifier"));
    }

    [Test]
    public void A_truncated_utf_8_sequence_is_refused()
    {
        Assert.Throws<WpsException>(() => KvpReader.Parse("a=%C3"));
    }

    [Test]
    public void An_overlong_utf_8_encoding_is_refused()
    {
        Assert.Throws<WpsException>(() => KvpReader.Parse("a=%C0%AF"));
    }

    [Test]
    public void A_raw_replacement_character_is_refused_as_undecodable_input()
    {
        var error = Assert.Throws<WpsException>(() => KvpReader.Parse("language=fr\uFFFD"));

        Assert.That(error!.Errors.Single().Locator, Is.EqualTo("language"));
    }

    [Test]
    public void Invalid_utf_8_in_a_name_is_refused()
    {
        Assert.Throws<WpsException>(() => KvpReader.Parse("a%FF=1"));
    }

    [Test]
    public void A_key_without_value_reads_as_empty()
    {
        Assert.That(KvpReader.Parse("service=WPS&lineage")["lineage"], Is.EqualTo(""));
    }

    [Test]
    public void A_key_with_an_equals_and_no_value_reads_as_empty()
    {
        Assert.That(KvpReader.Parse("metapath=&service=WPS")["metapath"], Is.EqualTo(""));
    }

    [Test]
    public void Empty_segments_are_skipped()
    {
        var values = KvpReader.Parse("&&service=WPS&&request=GetCapabilities&");

        Assert.That(values.Select(p => p.Key), Is.EqualTo(new[] { "service", "request" }));
    }

    [Test]
    public void A_segment_without_name_is_skipped()
    {
        var values = KvpReader.Parse("=orphan&service=WPS");

        Assert.That(values.Select(p => p.Key), Is.EqualTo(new[] { "service" }));
    }

    [Test]
    public void Only_the_first_equals_separates_name_and_value()
    {
        Assert.That(KvpReader.Parse("DataInputs=a=Toto;b=2")["DataInputs"], Is.EqualTo("a=Toto;b=2"));
    }

    [Test]
    public void Newlines_are_stripped_from_values()
    {
        Assert.That(KvpReader.Parse("a=x%0Ay%0D%0Az")["a"], Is.EqualTo("xyz"));
    }

    [Test]
    public void A_repeated_key_takes_the_last_value()
    {
        Assert.That(KvpReader.Parse("request=DescribeProcess&request=GetCapabilities")["request"], Is.EqualTo("GetCapabilities"));
    }

    [Test]
    public void Keys_are_looked_up_without_regard_to_case()
    {
        Assert.That(KvpReader.Parse("REQUEST=GetCapabilities")["request"], Is.EqualTo("GetCapabilities"));
    }

    [Test]
    public void An_empty_query_string_has_no_parameters()
    {
        Assert.That(KvpReader.Parse(""), Is.Empty);
    }
}

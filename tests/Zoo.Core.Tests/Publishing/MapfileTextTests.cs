using Zoo.Core.Publishing;

namespace Zoo.Core.Tests.Publishing;

/// <summary>MapfileText: MapServer's string escapes, plain numbers, and blocks indented two spaces a level.</summary>
public class MapfileTextTests
{
    [Test]
    public void A_string_is_double_quoted()
    {
        Assert.That(MapfileText.Quote("ZOO-Project_WXS_Server"), Is.EqualTo("\"ZOO-Project_WXS_Server\""));
    }

    [Test]
    public void A_double_quote_and_a_backslash_are_escaped_with_a_backslash()
    {
        Assert.That(MapfileText.Quote("a\"b\\c"), Is.EqualTo("\"a\\\"b\\\\c\""));
    }

    [Test]
    public void A_single_quote_is_left_as_it_is()
    {
        Assert.That(MapfileText.Quote("it's"), Is.EqualTo("\"it's\""));
    }

    [Test]
    public void A_control_character_becomes_a_space()
    {
        Assert.That(MapfileText.Quote("a\nb\rc\td\0e"), Is.EqualTo("\"a b c d e\""));
    }

    [Test]
    public void A_string_that_would_close_and_reopen_a_block_stays_one_string()
    {
        Assert.That(MapfileText.Quote("x\"\nEND\nLAYER \"y"), Is.EqualTo("\"x\\\" END LAYER \\\"y\""));
    }

    [TestCase(500000.0, "500000")]
    [TestCase(-3.5, "-3.5")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(1.5e-7, "0.00000015")]
    [TestCase(42.123456789012345, "42.1234567890123")]
    public void A_number_is_written_in_invariant_culture_without_exponent(double value, string written)
    {
        Assert.That(MapfileText.Number(value), Is.EqualTo(written));
    }

    [Test]
    public void An_integer_is_written_as_it_is()
    {
        Assert.That(MapfileText.Number(4096L), Is.EqualTo("4096"));
    }

    [Test]
    public void Blocks_are_indented_two_spaces_a_level_and_closed_by_END()
    {
        var text = new MapfileText().Open("MAP").Line("NAME", "\"m\"").Open("WEB").Line("IMAGEPATH", "\"/tmp/\"").End().End();

        Assert.That(text.ToString(), Is.EqualTo("MAP\n  NAME \"m\"\n  WEB\n    IMAGEPATH \"/tmp/\"\n  END\nEND\n"));
    }

    [Test]
    public void Raw_text_is_indented_to_the_current_depth_without_its_blank_lines_or_trailing_spaces()
    {
        var text = new MapfileText().Open("CLASS").Raw("STYLE\n\n  COLOR 1 2 3   \r\n\nEND\n").End();

        Assert.That(text.ToString(), Is.EqualTo("CLASS\n  STYLE\n    COLOR 1 2 3\n  END\nEND\n"));
    }

    [Test]
    public void Pairs_are_a_block_of_quoted_keys_and_values()
    {
        var text = new MapfileText().Pairs("METADATA", [new("ows_title", "A \"title\""), new("ows_srs", "EPSG:4326")]);

        Assert.That(text.ToString(), Is.EqualTo("METADATA\n  \"ows_title\" \"A \\\"title\\\"\"\n  \"ows_srs\" \"EPSG:4326\"\nEND\n"));
    }

    [Test]
    public void An_END_too_many_does_not_indent_to_the_left_of_the_margin()
    {
        Assert.That(new MapfileText().End().Line("NAME", "\"x\"").ToString(), Is.EqualTo("END\nNAME \"x\"\n"));
    }
}

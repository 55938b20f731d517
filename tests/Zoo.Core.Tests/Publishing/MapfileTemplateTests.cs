using Zoo.Core.Geo;
using Zoo.Core.Publishing;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Publishing;

/// <summary>MapfileTemplate: msInclude templates read with MapServer's lexical rules, and the data merged into them.</summary>
public class MapfileTemplateTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void MakeDirectory() => _dir = new TempDirectory();

    [TearDown]
    public void RemoveDirectory() => _dir.Dispose();

    /// <summary>What follows the position Locate gave, up to the end of its line.</summary>
    private static string LineAt(string text, int? position)
    {
        Assert.That(position, Is.Not.Null);
        var end = text.IndexOf('\n', position!.Value);
        return text[position.Value..(end < 0 ? text.Length : end)];
    }

    private static (string Map, string? LastLayer) Located(string text)
    {
        var located = MapfileTemplate.Locate(text);
        Assert.That(located, Is.Not.Null, () => "not located in\n" + text);
        var (map, layer) = located!.Value;
        return (LineAt(text, map), layer is null ? null : LineAt(text, layer));
    }

    /// <summary>The text's lines without their indentation, blank lines left out: the structure, whatever the layout.</summary>
    private static IReadOnlyList<string> Structure(string text) => MapfileLines.All(text);

    [Test]
    public void The_END_of_the_MAP_and_of_its_last_LAYER_are_found()
    {
        const string template = """
            MAP
              NAME "t"
              LAYER
                NAME "a"
              END # a
              LAYER
                NAME "b"
              END # b
            END # map
            """;

        Assert.That(Located(template), Is.EqualTo(("END # map", "END # b")));
    }

    [Test]
    public void Comments_are_not_read()
    {
        const string template = """
            MAP # END
              # LAYER
              /* END
                 LAYER */
              LAYER /* END */ NAME "a"
              END # a END
            END # map
            """;

        Assert.That(Located(template), Is.EqualTo(("END # map", "END # a END")));
    }

    [Test]
    public void Strings_containing_END_or_a_block_are_not_read()
    {
        const string template = """
            MAP
              NAME "END"
              LAYER
                NAME 'LAYER END'
                METADATA
                  "title" "say \"END\""
                  'quote' 'it\'s the END'
                END
              END # layer
            END # map
            """;

        Assert.That(Located(template), Is.EqualTo(("END # map", "END # layer")));
    }

    [Test]
    public void A_SYMBOL_at_the_maps_level_is_a_block()
    {
        const string template = """
            MAP
              SYMBOL
                NAME "circle"
                TYPE ELLIPSE
                POINTS 1 1 END
              END
              LAYER
                NAME "a"
              END # layer
            END # map
            """;

        Assert.That(Located(template), Is.EqualTo(("END # map", "END # layer")));
    }

    [Test]
    public void A_SYMBOL_in_a_STYLE_or_a_CLASS_names_a_symbol()
    {
        const string template = """
            MAP
              LAYER
                CLASS
                  SYMBOL 0
                  STYLE
                    SYMBOL "circle"
                    SIZE 5
                  END
                END
              END # layer
            END # map
            """;

        Assert.That(Located(template), Is.EqualTo(("END # map", "END # layer")));
    }

    [Test]
    public void A_regular_expression_holding_a_hash_is_no_comment()
    {
        // MapServer reads /.../ as one token (map2img of MapServer 8.0 loads this map, and refuses it without the END
        // after the expression): the '#' inside it starts no comment, and the END after it closes the CLASS.
        const string template = """
            MAP
              LAYER
                CLASSITEM "color"
                CLASS EXPRESSION /^#[0-9a-f]+$/ END
              END # layer
            END # map
            """;

        Assert.That(MapfileTemplate.Locate(template) is { } located ? LineAt(template, located.MapEnd) : null, Is.EqualTo("END # map"));
    }

    [Test]
    public void Keywords_are_read_without_regard_to_case()
    {
        Assert.That(Located("map\n layer\n  name \"a\"\n end # layer\nEnd # map\n"), Is.EqualTo(("End # map", "end # layer")));
    }

    [Test]
    public void Words_that_only_start_like_keywords_are_not_keywords()
    {
        Assert.That(Located("MAP\n  LAYERS 3\n  ENDING 4\n  MAPFILE 5\nEND # map\n"), Is.EqualTo(("END # map", (string?)null)));
    }

    [Test]
    public void A_map_without_layer_has_no_last_layer()
    {
        Assert.That(Located("MAP\n  NAME \"t\"\nEND # map\n"), Is.EqualTo(("END # map", (string?)null)));
    }

    [Test]
    public void Blocks_after_the_last_layer_do_not_move_it()
    {
        Assert.That(Located("MAP\n  LAYER\n    NAME \"a\"\n  END # a\n  LEGEND\n    LABEL\n    END\n  END\nEND # map\n"),
            Is.EqualTo(("END # map", "END # a")));
    }

    [TestCase("")]
    [TestCase("# MAP END\n")]
    [TestCase("MAP\n  LAYER\n  END\n")]
    [TestCase("MAP\n  LAYER\n  END\nEND\nEND\n")]
    [TestCase("LAYER\n  NAME \"a\"\nEND\n")]
    [TestCase("MAP\n  NAME \"unterminated\nEND\n")]
    [TestCase("MAP\n  /* unterminated\nEND\n")]
    public void A_text_that_is_not_one_balanced_MAP_is_not_located(string text)
    {
        Assert.That(MapfileTemplate.Locate(text), Is.Null);
    }

    private const string Template = """
        MAP
          NAME "tpl"
          LAYER
            NAME "density"
            CONNECTIONTYPE KERNELDENSITY
            CONNECTION "out"
          END
          LAYER
            NAME "last"
            CLASS
              STYLE
                COLOR 1 2 3
              END
            END
          END # last
        END # map
        """;

    private const string MapKeys = "NAME \"ZOO-Project_WXS_Server\"\nSIZE 2048 2048\n";

    [Test]
    public void A_vector_joins_the_templates_last_layer_and_the_map_keys_end_the_map()
    {
        var merged = MapfileTemplate.Merge(_dir.Write("t.map", Template), MapKeys, ["NAME \"out\"\nTYPE POINT\nDATA \"0\"\n"], joinLastLayer: true);

        Assert.That(Structure(merged), Is.EqualTo(new[]
        {
            "MAP", "NAME \"tpl\"",
            "LAYER", "NAME \"density\"", "CONNECTIONTYPE KERNELDENSITY", "CONNECTION \"out\"", "END",
            "LAYER", "NAME \"last\"", "CLASS", "STYLE", "COLOR 1 2 3", "END", "END", "NAME \"out\"", "TYPE POINT", "DATA \"0\"", "END # last",
            "NAME \"ZOO-Project_WXS_Server\"", "SIZE 2048 2048",
            "END # map",
        }));
    }

    [Test]
    public void A_raster_comes_as_a_new_layer_after_the_templates()
    {
        var merged = MapfileTemplate.Merge(_dir.Write("t.map", Template), MapKeys, ["NAME \"out\"\nTYPE RASTER\n"], joinLastLayer: false);

        Assert.That(Structure(merged).Skip(7), Is.EqualTo(new[]
        {
            "LAYER", "NAME \"last\"", "CLASS", "STYLE", "COLOR 1 2 3", "END", "END", "END # last",
            "LAYER", "NAME \"out\"", "TYPE RASTER", "END",
            "NAME \"ZOO-Project_WXS_Server\"", "SIZE 2048 2048",
            "END # map",
        }));
    }

    [Test]
    public void The_other_OGR_layers_come_as_new_layers_after_the_joined_one()
    {
        var merged = MapfileTemplate.Merge(_dir.Write("t.map", Template), MapKeys, ["NAME \"out\"\n", "NAME \"out_1\"\n"], joinLastLayer: true);

        Assert.That(Structure(merged).Skip(13), Is.EqualTo(new[]
        {
            "END", "NAME \"out\"", "END # last",
            "LAYER", "NAME \"out_1\"", "END",
            "NAME \"ZOO-Project_WXS_Server\"", "SIZE 2048 2048",
            "END # map",
        }));
    }

    [Test]
    public void A_vector_comes_as_a_new_layer_into_a_template_without_layer()
    {
        var merged = MapfileTemplate.Merge(_dir.Write("t.map", "MAP\n  NAME \"tpl\"\nEND # map\n"), MapKeys, ["NAME \"out\"\n"], joinLastLayer: true);

        Assert.That(Structure(merged), Is.EqualTo(new[]
        {
            "MAP", "NAME \"tpl\"", "LAYER", "NAME \"out\"", "END", "NAME \"ZOO-Project_WXS_Server\"", "SIZE 2048 2048", "END # map",
        }));
    }

    [Test]
    public void What_follows_the_templates_MAP_is_kept()
    {
        var merged = MapfileTemplate.Merge(_dir.Write("t.map", "# head\nMAP\nEND # map\n# tail\n"), MapKeys, [], joinLastLayer: false);

        Assert.That(Structure(merged), Is.EqualTo(new[] { "# head", "MAP", "NAME \"ZOO-Project_WXS_Server\"", "SIZE 2048 2048", "END # map", "# tail" }));
    }

    [Test]
    public void A_merged_template_is_still_one_balanced_MAP()
    {
        var merged = MapfileTemplate.Merge(_dir.Write("t.map", Template), MapKeys, ["NAME \"out\"\n", "NAME \"out_1\"\n"], joinLastLayer: true);

        Assert.That(MapfileTemplate.Locate(merged), Is.Not.Null);
    }

    [Test]
    public void An_unbalanced_template_is_a_PublicationException()
    {
        var path = _dir.Write("t.map", "MAP\n  LAYER\n    NAME \"a\"\nEND\n");

        Assert.That(() => MapfileTemplate.Merge(path, MapKeys, [], joinLastLayer: true), Throws.TypeOf<PublicationException>()
            .With.Message.EqualTo($"Unable to open your template mapfile! {path} is not a mapfile with one MAP block."));
    }

    [Test]
    public void A_missing_template_is_a_PublicationException()
    {
        var path = Path.Combine(_dir.Path, "none.map");

        Assert.That(() => MapfileTemplate.Merge(path, MapKeys, [], joinLastLayer: true), Throws.TypeOf<PublicationException>()
            .With.Message.StartsWith($"Unable to open your template mapfile! {path}: "));
    }

    [Test]
    public void A_vector_written_into_a_template_draws_with_the_templates_classes_only()
    {
        var template = _dir.Write("t.map", Template);
        var element = new PublishedElement("out", 0, "u1", "/data/p.geojson", "application/json", "Points", null, Template: template);
        var data = GeoDataset.OfVector([new VectorLayer("p", "Point", 2, new Extent(0, 0, 1, 1), null, "fid")]);
        var settings = new MapServerSettings("http://ms/mapserv", _dir.Path, "1.0.0", null, null, null, null, null, [], []);

        var text = MapfileWriter.Write(element, data, settings, Path.Combine(_dir.Path, "out_0_u1.map"), "/data/p.geojson", "EPSG:4326", true,
            new Extent(0, 0, 1, 1));

        Assert.That(Structure(text).Count(l => l == "CLASS"), Is.EqualTo(1));
    }

    [Test]
    public void A_vector_written_into_a_template_is_read_by_its_last_layer()
    {
        var template = _dir.Write("t.map", Template);
        var element = new PublishedElement("out", 0, "u1", "/data/p.geojson", "application/json", "Points", null, Template: template);
        var data = GeoDataset.OfVector([new VectorLayer("p", "Point", 2, new Extent(0, 0, 1, 1), null, "fid")]);
        var settings = new MapServerSettings("http://ms/mapserv", _dir.Path, "1.0.0", null, null, null, null, null, [], []);

        var text = MapfileWriter.Write(element, data, settings, Path.Combine(_dir.Path, "out_0_u1.map"), "/data/p.geojson", "EPSG:4326", true,
            new Extent(0, 0, 1, 1));

        var last = Structure(text).SkipWhile(l => l != "NAME \"last\"").TakeWhile(l => l != "END # last").ToList();
        Assert.That(last, Does.Contain("NAME \"out\"").And.Contain("CONNECTIONTYPE OGR").And.Contain("DATA \"0\""));
    }
}

// One page of a filtered list (organisations, people, agreements, programmes) and the number of all matches, in
// one pass: the matches are read once, in order, counted, and the page is sliced from them. The MATCH, WHERE and
// ORDER BY come from the fixed fragments of src/cypher/list.ts (only the filters given, values as parameters).
{{match}}
WHERE {{where}}
WITH n
ORDER BY {{order}}
WITH collect(n) AS matches
RETURN size(matches) AS totalCount,
       [n IN matches[toInteger($skip)..toInteger($skip) + toInteger($first)] | {{node n}}] AS page

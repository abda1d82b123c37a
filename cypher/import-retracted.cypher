// The ids of the facts retracted through the API (kept as :Retracted records): a file still stating one does
// not bring it back. The importer leaves out the relationships it creates that are retracted or join one.
MATCH (x:Retracted)
RETURN x.id AS id

package th.phakhi.database;

import th.phakhi.support.PhakhiTest;

@PhakhiTest
class EmbeddedDatabaseContractTest extends DatabaseContract {
}
